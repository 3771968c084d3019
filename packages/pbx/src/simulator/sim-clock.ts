import type { AmiMessage } from "../ami/ami-message";

interface Due {
  at: number;
  order: number;
  message: AmiMessage;
  /** Dropped after it was taken, while the player waited for its time: it must not be played. */
  dropped?: boolean;
}

/**
 * The simulator's timeline: events due at simulated times, taken in time order (ties in the order
 * they were scheduled). Simulated time runs `speed` times faster than the wall clock; an infinite
 * speed plays everything at once, which makes runs with the same seed identical.
 */
export class SimTimeline {
  private readonly due: Due[] = [];
  private order = 0;
  private taken: Due | undefined;

  schedule(message: AmiMessage, at: number): void {
    const entry = { at, order: this.order++, message };
    let i = this.due.length;
    while (i > 0 && (this.due[i - 1]?.at ?? 0) > at) i--;
    this.due.splice(i, 0, entry);
  }

  peek(): Due | undefined {
    return this.due[0];
  }

  take(): Due | undefined {
    this.taken = this.due.shift();
    return this.taken;
  }

  /**
   * Removes every event still due that matches (e.g. a call hung up from the console), including
   * the one taken last: the player may be waiting for its time right now.
   */
  drop(match: (message: AmiMessage) => boolean): number {
    if (this.taken && match(this.taken.message)) this.taken.dropped = true;
    const before = this.due.length;
    const kept = this.due.filter((entry) => !match(entry.message));
    this.due.splice(0, this.due.length, ...kept);
    return before - kept.length;
  }

  get size(): number {
    return this.due.length;
  }
}
