/**
 * What one console saw of its organization's stream, checked as it arrives: every event after
 * the seq it started from, once each, in order. A console whose role may not see the events
 * (a customer, for extension changes) must receive none of them.
 */
export class ConsoleTracker {
  /** The next seq this console should apply. */
  private next: number;
  private readonly missing: Array<[from: number, to: number]> = [];
  received = 0;
  duplicates = 0;
  outOfOrder = 0;
  /** Events a console may not see that reached it anyway. */
  unauthorized = 0;
  resyncs = 0;

  constructor(
    readonly orgId: string,
    /** False for viewers the benchmark's events are invisible to. */
    readonly receives: boolean,
    startSeq: number
  ) {
    this.next = startSeq + 1;
  }

  /** The seq a (re)connecting console resumes from, as a real console sends it. */
  get lastSeq(): number {
    return this.next - 1;
  }

  onEvent(seq: number): void {
    if (!this.receives) {
      this.unauthorized += 1;
      return;
    }
    this.received += 1;
    if (seq === this.next) {
      this.next += 1;
    } else if (seq > this.next) {
      this.missing.push([this.next, seq - 1]);
      this.next = seq + 1;
    } else if (this.fill(seq)) {
      this.outOfOrder += 1;
    } else {
      this.duplicates += 1;
    }
  }

  /**
   * sync:done says the console is current up to `seq`. A console that may see every event has
   * then received all of them; whatever it has not is missing (lost unless it arrives later).
   */
  onSynced(seq: number): void {
    if (seq < this.next) return;
    if (this.receives) this.missing.push([this.next, seq]);
    this.next = seq + 1;
  }

  /** The server could not replay: the console refetches and starts over from `seq`. */
  onResync(seq: number): void {
    this.resyncs += 1;
    this.next = seq + 1;
  }

  /** Lost events given the organization's final head seq. */
  lost(headSeq: number): number {
    if (!this.receives) return 0;
    let lost = Math.max(0, headSeq - this.next + 1);
    for (const [from, to] of this.missing) lost += to - from + 1;
    return lost;
  }

  /** True once every event up to `headSeq` has arrived. */
  caughtUp(headSeq: number): boolean {
    return this.next > headSeq && this.missing.length === 0;
  }

  private fill(seq: number): boolean {
    for (let i = 0; i < this.missing.length; i++) {
      const range = this.missing[i];
      if (!range || seq < range[0] || seq > range[1]) continue;
      const [from, to] = range;
      const pieces: Array<[number, number]> = [];
      if (from < seq) pieces.push([from, seq - 1]);
      if (seq < to) pieces.push([seq + 1, to]);
      this.missing.splice(i, 1, ...pieces);
      return true;
    }
    return false;
  }
}
