import type { DomainEvent } from "@switchboard/contracts";
import { DEFAULT_RETENTION, type EventLog, type ReadResult, type RetentionPolicy } from "./event-log";

/** Single-process event log for embedded mode and tests; same semantics as the Redis one. */
export class MemoryEventLog implements EventLog {
  readonly kind = "memory" as const;
  private readonly orgs = new Map<string, DomainEvent[]>();
  private readonly heads = new Map<string, number>();
  private readonly listeners = new Set<(event: DomainEvent) => void>();

  constructor(private readonly retention: RetentionPolicy = DEFAULT_RETENTION) {}

  async start(): Promise<void> {}
  async close(): Promise<void> {
    this.listeners.clear();
  }

  async append(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      const head = this.heads.get(event.orgId) ?? 0;
      if (event.seq <= head) continue;
      this.heads.set(event.orgId, event.seq);
      const list = this.orgs.get(event.orgId) ?? [];
      list.push(event);
      if (list.length > this.retention.maxEvents) list.splice(0, list.length - this.retention.maxEvents);
      this.orgs.set(event.orgId, list);
      for (const listener of this.listeners) listener(event);
    }
  }

  async readSince(orgId: string, afterSeq: number): Promise<ReadResult> {
    const headSeq = this.heads.get(orgId) ?? 0;
    if (afterSeq >= headSeq) return { kind: "events", events: [], headSeq };
    const list = this.orgs.get(orgId) ?? [];
    const first = list[0];
    const cutoff = Date.now() - this.retention.maxAgeMs;
    const missed = list.filter((e) => e.seq > afterSeq);
    // The next event the console needs must still be here, and not past the age limit.
    if (!first || first.seq > afterSeq + 1 || (missed[0] && Date.parse(missed[0].at) < cutoff)) {
      return { kind: "resync", headSeq };
    }
    return { kind: "events", events: missed, headSeq };
  }

  subscribe(listener: (event: DomainEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onStatus(listener: (live: boolean) => void): () => void {
    listener(true);
    return () => undefined;
  }

  isLive(): boolean {
    return true;
  }

  onReset(): () => void {
    return () => undefined;
  }
}
