import type { TopicFamily } from "@switchboard/contracts";

/** A console that named topics: what it subscribed to, and the family of each seq of its organization. */
export interface PageFilter {
  topics: ReadonlySet<TopicFamily>;
  /** As committed; undefined while not known here (such a seq counts as expected). */
  familyOf(seq: number): TopicFamily | undefined;
}

/** More passed-over ranges than this and those holding nothing expected are dropped. */
const PRUNE_AT = 32;

/**
 * What one console saw of its organization's stream, checked as it arrives: every expected event
 * after the seq it started from, once each, in order. Without a page filter every event is expected
 * (consecutive seqs); with one, only the events of its topics, so passing over other seqs is normal
 * and an event of another family is "off-topic". A console whose role may not see the events (a
 * customer, for the benchmark's changes) must receive none of them.
 */
export class ConsoleTracker {
  /** The next seq this console should apply. */
  private next: number;
  /** Seqs passed over: each expected one among them is missing (lost unless it arrives later). */
  private readonly skipped: Array<[from: number, to: number]> = [];
  received = 0;
  duplicates = 0;
  outOfOrder = 0;
  /** Events a console may not see that reached it anyway. */
  unauthorized = 0;
  /** Events of a family the console did not subscribe to. */
  offTopic = 0;
  resyncs = 0;

  constructor(
    readonly orgId: string,
    /** False for viewers the benchmark's events are invisible to. */
    readonly receives: boolean,
    startSeq: number,
    private readonly page: PageFilter | null = null
  ) {
    this.next = startSeq + 1;
  }

  /** The seq a (re)connecting console resumes from, as a real console sends it. */
  get lastSeq(): number {
    return this.next - 1;
  }

  onEvent(seq: number, family: TopicFamily): void {
    if (!this.receives) {
      this.unauthorized += 1;
      return;
    }
    if (this.page && !this.page.topics.has(family)) {
      this.offTopic += 1;
      return;
    }
    this.received += 1;
    if (seq === this.next) {
      this.next += 1;
    } else if (seq > this.next) {
      this.skip(this.next, seq - 1);
      this.next = seq + 1;
    } else if (this.fill(seq)) {
      this.outOfOrder += 1;
    } else {
      this.duplicates += 1;
    }
  }

  /**
   * sync:done says the console is current up to `seq`: every expected event up to it has been
   * sent; whatever of them has not arrived is missing (lost unless it arrives later).
   */
  onSynced(seq: number): void {
    if (seq < this.next) return;
    if (this.receives) this.skip(this.next, seq);
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
    let lost = this.expectedIn(this.next, headSeq);
    for (const [from, to] of this.skipped) lost += this.expectedIn(from, to);
    return lost;
  }

  /** True once every expected event up to `headSeq` has arrived. */
  caughtUp(headSeq: number): boolean {
    if (!this.receives) return true;
    this.prune();
    return this.skipped.length === 0 && this.expectedIn(this.next, headSeq) === 0;
  }

  /** How many seqs in from..to this console must receive. */
  private expectedIn(from: number, to: number): number {
    if (to < from) return 0;
    const page = this.page;
    if (!page) return to - from + 1;
    let n = 0;
    for (let seq = from; seq <= to; seq++) {
      const family = page.familyOf(seq);
      if (family === undefined || page.topics.has(family)) n += 1;
    }
    return n;
  }

  private skip(from: number, to: number): void {
    this.skipped.push([from, to]);
    if (this.page && this.skipped.length > PRUNE_AT) this.prune();
  }

  /** Drops passed-over ranges that hold no expected event (a page skipping other families). */
  private prune(): void {
    if (!this.page) return;
    for (let i = this.skipped.length - 1; i >= 0; i--) {
      const range = this.skipped[i];
      if (range && this.expectedIn(range[0], range[1]) === 0) this.skipped.splice(i, 1);
    }
  }

  private fill(seq: number): boolean {
    for (let i = 0; i < this.skipped.length; i++) {
      const range = this.skipped[i];
      if (!range || seq < range[0] || seq > range[1]) continue;
      const [from, to] = range;
      const pieces: Array<[number, number]> = [];
      if (from < seq) pieces.push([from, seq - 1]);
      if (seq < to) pieces.push([seq + 1, to]);
      this.skipped.splice(i, 1, ...pieces);
      return true;
    }
    return false;
  }
}
