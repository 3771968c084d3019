import { Histogram } from "../metrics/histogram";

/**
 * Matches deliveries to commit times. A delivery may arrive before the controller's note of its
 * commit (both race from the same commit), so early arrivals wait here for their commit time.
 */
export class LatencyBook {
  private readonly commits = new Map<string, Map<number, number>>();
  private readonly early = new Map<string, Map<number, number[]>>();
  /** Latency (µs) of deliveries of measured commits since the last progress report. */
  readonly interval = new Histogram();

  /** `at` < 0 marks a commit outside the measurement window: delivered, but not timed. */
  commit(orgId: string, seq: number, at: number): void {
    let org = this.commits.get(orgId);
    if (!org) {
      org = new Map();
      this.commits.set(orgId, org);
    }
    org.set(seq, at);
    const waiting = this.early.get(orgId)?.get(seq);
    if (!waiting) return;
    this.early.get(orgId)?.delete(seq);
    if (at >= 0) for (const arrival of waiting) this.record(arrival - at);
  }

  deliver(orgId: string, seq: number, arrival: number): void {
    const at = this.commits.get(orgId)?.get(seq);
    if (at !== undefined) {
      if (at >= 0) this.record(arrival - at);
      return;
    }
    let org = this.early.get(orgId);
    if (!org) {
      org = new Map();
      this.early.set(orgId, org);
    }
    const list = org.get(seq);
    if (list) list.push(arrival);
    else org.set(seq, [arrival]);
  }

  /** Deliveries whose commit time never came (events committed outside this run's writer). */
  untimed(): number {
    let n = 0;
    for (const org of this.early.values()) for (const list of org.values()) n += list.length;
    return n;
  }

  private record(ms: number): void {
    this.interval.record(Math.max(0, ms * 1000));
  }
}
