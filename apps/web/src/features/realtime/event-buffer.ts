import type { DomainEvent } from "@switchboard/contracts";

/**
 * The events this tab has applied, in seq order, deduplicated by id. It is complete for the range
 * (startSeq, headSeq]: every event the viewer may see in that range is here (the server replays
 * what a reconnect missed). A view whose snapshot was read at seq S can catch up from here when
 * S ≥ startSeq; an older snapshot must be refetched.
 */
export class EventBuffer {
  private events: DomainEvent[] = [];
  private readonly ids = new Set<string>();
  private start: number;
  private head: number;

  constructor(
    seq: number,
    private readonly capacity = 1000
  ) {
    this.start = seq;
    this.head = seq;
  }

  get startSeq(): number {
    return this.start;
  }

  /** The highest seq applied: what a reconnect sends as `lastSeq`. */
  get headSeq(): number {
    return this.head;
  }

  /** Applies an event unless it was seen (same id) or is not newer than what was applied. */
  accept(event: DomainEvent): boolean {
    if (this.ids.has(event.id) || event.seq <= this.head) return false;
    this.events.push(event);
    this.ids.add(event.id);
    this.head = event.seq;
    while (this.events.length > this.capacity) {
      const evicted = this.events.shift();
      if (!evicted) break;
      this.ids.delete(evicted.id);
      this.start = evicted.seq;
    }
    return true;
  }

  /** The server says nothing visible to us exists up to `seq` beyond what we hold (sync done). */
  advanceTo(seq: number): void {
    if (seq > this.head) this.head = seq;
  }

  /** After a resync the past is unknown: start over from the server's head. */
  reset(seq: number): void {
    this.events = [];
    this.ids.clear();
    this.start = seq;
    this.head = seq;
  }

  /** Events after `seq`, or null when the buffer cannot vouch for everything after it. */
  since(seq: number): DomainEvent[] | null {
    if (seq < this.start) return null;
    if (seq >= this.head) return [];
    return this.events.filter((event) => event.seq > seq);
  }
}
