import type { DomainEvent } from "@switchboard/contracts";

export type ReadResult =
  | { kind: "events"; events: DomainEvent[]; headSeq: number }
  /** The log no longer holds every event after the requested seq (retention): refetch. */
  | { kind: "resync"; headSeq: number };

export interface RetentionPolicy {
  /** Events kept per organization. */
  maxEvents: number;
  /** Events older than this are not replayed (ms). */
  maxAgeMs: number;
}

/**
 * The organization-partitioned event log between the relay and the realtime nodes. Redis streams
 * in a cluster; memory in embedded mode. Both keep the same promises:
 * - append is idempotent per (orgId, seq): re-publishing after a crash adds nothing;
 * - subscribers see each org's events in seq order, each once;
 * - readSince returns exactly the retained events after a seq, or says "resync".
 */
export interface EventLog {
  readonly kind: "redis" | "memory";
  start(): Promise<void>;
  close(): Promise<void>;
  /** Appends events (any orgs, each org's in ascending seq). Throws if the log is unreachable. */
  append(events: readonly DomainEvent[]): Promise<void>;
  readSince(orgId: string, afterSeq: number): Promise<ReadResult>;
  /** Every appended event, live. Returns an unsubscribe function. */
  subscribe(listener: (event: DomainEvent) => void): () => void;
  /** Called when the log becomes reachable / unreachable (and once now). */
  onStatus(listener: (live: boolean) => void): () => void;
  isLive(): boolean;
  /** A subscriber that lost its place (e.g. the log was trimmed past it) must resync everyone. */
  onReset(listener: () => void): () => void;
}

export const DEFAULT_RETENTION: RetentionPolicy = { maxEvents: 10_000, maxAgeMs: 24 * 60 * 60_000 };
