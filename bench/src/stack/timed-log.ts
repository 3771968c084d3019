import type { DomainEvent } from "@switchboard/contracts";
import type { EventLog, ReadResult } from "@switchboard/events";

/**
 * The writer's event log with the relay's appends timed, so the relay's share of the latency
 * splits into "waiting to be picked up" (commit → append call) and the Redis append itself.
 */
export class TimedLog implements EventLog {
  readonly kind: EventLog["kind"];

  constructor(
    private readonly inner: EventLog,
    private readonly onAppend: (events: readonly DomainEvent[], startedAt: number, endedAt: number) => void
  ) {
    this.kind = inner.kind;
  }

  start(): Promise<void> {
    return this.inner.start();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  async append(events: readonly DomainEvent[]): Promise<void> {
    const startedAt = performance.timeOrigin + performance.now();
    await this.inner.append(events);
    this.onAppend(events, startedAt, performance.timeOrigin + performance.now());
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
