import pg from "pg";

/** The channel every outbox insert notifies (payload: the organization id), delivered on commit. */
export const OUTBOX_CHANNEL = "switchboard_outbox";

export interface OutboxListenerOptions {
  /** Delay before reconnecting a dropped LISTEN connection. */
  retryMs?: number;
  onError?: (error: Error) => void;
  /** LISTEN is in place (first time and after each reconnect). */
  onListening?: () => void;
  /**
   * A session advisory lock (two-key form) that at most one listener of the database holds: the
   * connection tries it after each LISTEN and on tryLead(); it is freed when the connection goes.
   */
  leaderLock?: readonly [number, number];
}

export interface OutboxListener {
  /** Resolves once LISTEN is first in place. */
  ready: Promise<void>;
  /** Holds the leader lock (always true without one). */
  leading(): boolean;
  /** Tries to take the leader lock if this connection does not hold it; resolves with leading(). */
  tryLead(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Calls `onWake` for each committed transaction that wrote outbox rows (PostgreSQL NOTIFY), and
 * once each time the LISTEN connection is (re)established: notifications sent while it was down
 * are lost, so the caller scans then. A connection that dies silently loses notifications too;
 * the caller's polling covers that.
 */
export function listenForOutbox(url: string, onWake: () => void, options: OutboxListenerOptions = {}): OutboxListener {
  const retryMs = options.retryMs ?? 1000;
  let closed = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const leaderLock = options.leaderLock;
  let leader = !leaderLock;

  async function lockOn(on: pg.Client): Promise<boolean> {
    if (leader || !leaderLock) return leader;
    const result = await on.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1, $2) AS locked", [...leaderLock]);
    // A connection that died meanwhile took the lock with it.
    leader = client === on && result.rows[0]?.locked === true;
    return leader;
  }

  function retry(): void {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
    retryTimer.unref();
  }

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url, keepAlive: true, application_name: "switchboard-outbox-listener" });
    client = next;
    let failed = false;
    const fail = (error: Error): void => {
      if (failed) return;
      failed = true;
      if (leaderLock) leader = false;
      if (!closed) options.onError?.(error);
      next.end().catch(() => undefined);
      if (client === next) client = undefined;
      retry();
    };
    next.on("error", fail);
    next.on("end", () => fail(new Error("the outbox LISTEN connection ended")));
    next.on("notification", () => onWake());
    try {
      await next.connect();
      await next.query(`LISTEN ${OUTBOX_CHANNEL}`);
      await lockOn(next);
    } catch (error) {
      fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    markReady();
    options.onListening?.();
    onWake();
  }

  void connect();
  return {
    ready,
    leading: () => leader,
    async tryLead() {
      const current = client;
      if (!current) return false;
      // A failed attempt is the connection failing: its "error" handler reconnects.
      return lockOn(current).catch(() => false);
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
    }
  };
}
