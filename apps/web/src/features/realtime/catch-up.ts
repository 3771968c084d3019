/** Should "sync:done" never come, live events must not stay labelled as replayed for long. */
const SYNC_FALLBACK_MS = 10_000;

/**
 * A connection's catch-up: from "connect" until sync:done (or sync:resync) the server replays what
 * the tab missed; those events are counted for the "caught up" message. Each replayed page proves
 * the replay alive, so the fallback waits on.
 */
export class CatchUp {
  private syncing = false;
  private replayed = 0;
  private connectedBefore = false;
  private reconnected = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Caught up: `replayed` events arrived; `reconnected` after a lost connection; `timedOut`: sync:done never came. */
    private readonly done: (replayed: number, reconnected: boolean, timedOut: boolean) => void
  ) {}

  get active(): boolean {
    return this.syncing;
  }

  begin(): void {
    this.syncing = true;
    this.replayed = 0;
    this.reconnected = this.connectedBefore;
    this.connectedBefore = true;
    this.keepAlive();
  }

  /** A replayed page arrived. */
  keepAlive(): void {
    if (!this.syncing) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.finish(true), SYNC_FALLBACK_MS);
  }

  count(): void {
    this.replayed++;
  }

  finish(timedOut = false): void {
    clearTimeout(this.timer);
    if (!this.syncing) return;
    this.syncing = false;
    this.done(this.replayed, this.reconnected, timedOut);
  }

  /** The server could not replay (resync): the views refetch, and nothing is said about catching up. */
  abandon(): void {
    clearTimeout(this.timer);
    this.syncing = false;
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
