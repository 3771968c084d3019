const RESOLVE_CHUNK = 20;

interface KeyState<Req, Res> {
  running: boolean;
  queued: { request: Req; resolve: (r: Res) => void; reject: (e: unknown) => void }[];
}

/**
 * Runs `fn(key, requests)` for many callers at once: a request joins the next run for its key
 * that starts after the request was made (never one already in flight, whose snapshot may predate
 * it), and at most one run per key is in flight. Under a storm of N requests for one key this
 * makes a handful of runs instead of N; alone, a request runs at once — or, with `gatherMs`, that
 * long after it (0: after the event loop's current turn), so the requests made meanwhile share
 * its first run too. The window is shared by every key: the runs it gathered start together, and
 * their commands to Redis or PostgreSQL leave in one write where the client pipelines.
 */
export class Coalescer<K, Req, Res> {
  private readonly keys = new Map<K, KeyState<Req, Res>>();
  /** Keys waiting for the open gathering window to close (see gatherMs); none: no window open. */
  private readonly gathering = new Map<K, KeyState<Req, Res>>();

  constructor(
    private readonly fn: (key: K, requests: readonly Req[]) => Promise<Res[]>,
    private readonly options: { gatherMs?: number } = {}
  ) {}

  request(key: K, request: Req): Promise<Res> {
    let state = this.keys.get(key);
    if (!state) {
      state = { running: false, queued: [] };
      this.keys.set(key, state);
    }
    const promise = new Promise<Res>((resolve, reject) => state.queued.push({ request, resolve, reject }));
    if (!state.running) {
      state.running = true;
      if (this.options.gatherMs === undefined) void this.drain(key, state);
      else this.gather(key, state, this.options.gatherMs);
    }
    return promise;
  }

  private gather(key: K, state: KeyState<Req, Res>, gatherMs: number): void {
    // The first key opens the window; the others join it.
    const opening = this.gathering.size === 0;
    this.gathering.set(key, state);
    if (!opening) return;
    if (gatherMs <= 0) setImmediate(this.closeWindow);
    else setTimeout(this.closeWindow, gatherMs);
  }

  private readonly closeWindow = (): void => {
    const gathered = [...this.gathering];
    this.gathering.clear();
    for (const [key, state] of gathered) void this.drain(key, state);
  };

  private async drain(key: K, state: KeyState<Req, Res>): Promise<void> {
    state.running = true;
    while (state.queued.length > 0) {
      const batch = state.queued.splice(0);
      try {
        const results = await this.fn(
          key,
          batch.map((b) => b.request)
        );
        // Each resolution runs its caller's continuation (a replay, a connection setup) before
        // the loop gets back to I/O: a few at a time, so a batch of thousands never holds the
        // event loop long enough for replies to wait behind it (and commands to time out).
        for (let i = 0; i < batch.length; i += RESOLVE_CHUNK) {
          if (i > 0) await new Promise((resolve) => setImmediate(resolve));
          for (let j = i; j < Math.min(i + RESOLVE_CHUNK, batch.length); j++) batch[j]?.resolve(results[j] as Res);
        }
      } catch (error) {
        for (const b of batch) b.reject(error);
      }
    }
    state.running = false;
    this.keys.delete(key);
  }
}
