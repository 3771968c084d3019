import type { DomainEvent } from "@switchboard/contracts";
import type { EventLog, ReadResult } from "../event-log";

/**
 * Wraps a real log and records every append call (before it reaches the log), so a test can see
 * what relays tried to publish, even duplicates the log itself would swallow.
 */
export class RecordingLog implements EventLog {
  readonly kind;
  constructor(
    private readonly inner: EventLog,
    readonly appended: { orgId: string; seq: number; by: string }[],
    private readonly name: string
  ) {
    this.kind = inner.kind;
  }
  start(): Promise<void> {
    return this.inner.start();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  append(events: readonly DomainEvent[]): Promise<void> {
    for (const e of events) this.appended.push({ orgId: e.orgId, seq: e.seq, by: this.name });
    return this.inner.append(events);
  }
  readSince(orgId: string, afterSeq: number): Promise<ReadResult> {
    return this.inner.readSince(orgId, afterSeq);
  }
  subscribe(listener: (event: DomainEvent) => void): () => void {
    return this.inner.subscribe(listener);
  }
  onStatus(listener: (live: boolean) => void): () => void {
    return this.inner.onStatus(listener);
  }
  isLive(): boolean {
    return this.inner.isLive();
  }
  onReset(listener: () => void): () => void {
    return this.inner.onReset(listener);
  }
}

export function seqsOf(orgId: string, entries: readonly { orgId: string; seq: number }[]): number[] {
  return entries.filter((e) => e.orgId === orgId).map((e) => e.seq);
}

export function oneTo(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
