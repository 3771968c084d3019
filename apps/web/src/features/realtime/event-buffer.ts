import { topicsMatch, type DomainEvent, type Topic } from "@switchboard/contracts";

/**
 * What the tab can say about the events of some topics after a snapshot's seq: every one of them
 * (in seq order); null, a gap (the tab cannot vouch for them: the page refetches); undefined, not
 * yet (a topic's subscription is still under way: the page shows its snapshot meanwhile).
 */
export type EventsSince = readonly DomainEvent[] | null | undefined;

/**
 * The events this tab has received, in seq order, deduplicated by id, and for each topic it holds
 * the seq it is complete from: every event of the topic after that seq up to `headSeq` is here.
 * A subscription's backfill brings events older than the head (the tab already had later events
 * of other topics): they are inserted in order. Evicting the oldest events over capacity, or a
 * resync, raises a floor below which nothing is vouched for.
 */
export class EventBuffer {
  private events: DomainEvent[] = [];
  private readonly ids = new Set<string>();
  private readonly coverage = new Map<Topic, number>();
  private floor = 0;
  private head: number;

  constructor(
    seq: number,
    private readonly capacity = 1000
  ) {
    this.head = seq;
  }

  /** The highest seq received (or known to hold nothing for this tab): what a reconnect sends as `lastSeq`. */
  get headSeq(): number {
    return this.head;
  }

  /** Keeps an event unless it was seen (same id) or is at or below the floor (no view could use it). */
  accept(event: DomainEvent): boolean {
    if (this.ids.has(event.id) || event.seq <= this.floor) return false;
    const at = this.firstAfter(event.seq);
    if (at === this.events.length) this.events.push(event);
    else this.events.splice(at, 0, event);
    this.ids.add(event.id);
    if (event.seq > this.head) this.head = event.seq;
    while (this.events.length > this.capacity) {
      const evicted = this.events.shift();
      if (!evicted) break;
      this.ids.delete(evicted.id);
      this.floor = Math.max(this.floor, evicted.seq);
    }
    return true;
  }

  /** The server says every event of the held topics up to `seq` was sent (sync done, subscription acknowledged). */
  advanceTo(seq: number): void {
    if (seq > this.head) this.head = seq;
  }

  /** A subscription is in place: the topic's events after `from` are all here (or will be, in order). */
  cover(topic: Topic, from: number): void {
    this.coverage.set(topic, from);
  }

  /** The topic is no longer held: views asking for it wait for a new subscription. */
  uncover(topic: Topic): void {
    this.coverage.delete(topic);
  }

  /** After a resync the past is unknown: every held topic starts over at `seq`, the server's head. */
  reset(seq: number): void {
    this.events = [];
    this.ids.clear();
    this.floor = seq;
    this.head = seq;
    for (const topic of this.coverage.keys()) this.coverage.set(topic, seq);
  }

  /** The events of `topics` after `seq` (see EventsSince). A topic not held yet counts as under way. */
  since(seq: number, topics: readonly Topic[]): EventsSince {
    let pending = false;
    for (const topic of topics) {
      const from = this.coverage.get(topic);
      if (from === undefined) pending = true;
      else if (seq < Math.max(from, this.floor)) return null;
    }
    if (pending) return undefined;
    return this.matching(this.events.slice(this.firstAfter(seq)), topics);
  }

  /** Every event of `topics` the tab holds, whatever it can vouch for (for views that never go backwards). */
  held(topics: readonly Topic[]): readonly DomainEvent[] {
    return this.matching(this.events, topics);
  }

  private matching(events: readonly DomainEvent[], topics: readonly Topic[]): DomainEvent[] {
    if (topics.length === 0) return [];
    const wanted: ReadonlySet<string> = new Set(topics);
    return events.filter((event) => topicsMatch(wanted, event));
  }

  /** Index of the first event with a seq above `seq` (events are in seq order). */
  private firstAfter(seq: number): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.events[mid]?.seq ?? Number.POSITIVE_INFINITY) <= seq) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
