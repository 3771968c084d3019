import type { TopicFamily } from "@switchboard/contracts";
import type { ConsolePool } from "../consoles/console-pool";
import { nowMs } from "../metrics/clock";
import { Histogram } from "../metrics/histogram";

/**
 * Where writers report commit times. Outside the measurement window commits are passed on
 * untimed (the consoles still check them for loss and order, but they do not count in latency).
 */
export class CommitSink {
  pool: ConsolePool | null = null;
  measuring = false;
  measuredCommits = 0;
  totalCommits = 0;
  /** Measured commits per organization and family: what each page should have received. */
  readonly measuredFamilies = new Map<string, Map<TopicFamily, number>>();

  /** Commit → event in the Redis log (seen by a subscriber in this process), µs: the relay's share. */
  readonly toLog = new Histogram();
  /** Commit → the relay's append call (read from the outbox, waiting for a relay round), µs. */
  readonly toAppend = new Histogram();
  /** Duration of the relay's Redis appends, µs (one per append call). */
  readonly appendDuration = new Histogram();
  private readonly pending = new Map<string, number>();
  private readonly unappended = new Map<string, number>();

  emit = (orgId: string, seq: number, at: number, family: TopicFamily | null): void => {
    this.totalCommits += 1;
    if (this.measuring) {
      this.measuredCommits += 1;
      if (family) this.countFamily(orgId, family);
      this.pending.set(`${orgId}:${seq}`, at);
      this.unappended.set(`${orgId}:${seq}`, at);
    }
    this.pool?.commit(orgId, seq, this.measuring ? at : -1, family);
  };

  private countFamily(orgId: string, family: TopicFamily): void {
    let org = this.measuredFamilies.get(orgId);
    if (!org) {
      org = new Map();
      this.measuredFamilies.set(orgId, org);
    }
    org.set(family, (org.get(family) ?? 0) + 1);
  }

  appendCalled = (events: ReadonlyArray<{ orgId: string; seq: number }>, startedAt: number, endedAt: number): void => {
    let measured = false;
    for (const e of events) {
      const key = `${e.orgId}:${e.seq}`;
      const at = this.unappended.get(key);
      if (at === undefined) continue;
      this.unappended.delete(key);
      measured = true;
      this.toAppend.record((startedAt - at) * 1000);
    }
    if (measured) this.appendDuration.record((endedAt - startedAt) * 1000);
  };

  /** An event reached the log: times the relay stage of a measured commit. */
  appended = (orgId: string, seq: number): void => {
    const key = `${orgId}:${seq}`;
    const at = this.pending.get(key);
    if (at === undefined) return;
    this.pending.delete(key);
    this.toLog.record((nowMs() - at) * 1000);
  };
}
