import type { Logger } from "pino";
import type { EventLog } from "./event-log";
import { prunePublished, type RelayDatabase } from "./relay/prune-published";
import { publishRound } from "./relay/publish-round";
import { answerNotify, RELAY_LEADER_LOCK } from "./relay/standby";

export interface RelayOptions {
  database: RelayDatabase;
  log: EventLog;
  logger: Logger;
  /** Events per round (one transaction, pipelined appends), shared evenly by the pending organizations. */
  batchSize?: number;
  /**
   * Safety-net scan for rows whose NOTIFY this relay missed (its LISTEN connection was down) or
   * that a crashed relay left.
   */
  pollIntervalMs?: number;
  /** Delay before reconnecting a dropped LISTEN connection. */
  listenRetryMs?: number;
  /** First retry delay after a failure; doubles per attempt (with jitter) up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Published outbox rows older than this are deleted (they are only kept for inspection). */
  retainPublishedDays?: number;
  /** Published rows with an actor are the activity log: kept this long (at least retainPublishedDays). */
  retainActivityDays?: number;
  pruneIntervalMs?: number;
  /** How late a relay that is not the leader answers NOTIFY (relay/standby.ts). */
  standbyDelayMs?: number;
  /**
   * Whether this relay may lead (default true). A process whose event loop has other heavy work
   * (a job worker) stands by for good: it still publishes its own commits at once.
   */
  lead?: boolean;
}

interface RelayStats {
  published: number;
  lastPublishedAt: Date | null;
  /** Unpublished rows seen by the last scan, minus what was published since. */
  pending: number;
  /** Age of the oldest unpublished row; 0 when nothing waits. */
  lagMs: number;
  failures: number;
  lastError: string | null;
  /** Woken by PostgreSQL NOTIFY (false while the LISTEN connection is down, or embedded). */
  listening: boolean;
  /** Another relay holds the leader lock: this one answers NOTIFY late (relay/standby.ts). */
  standby: boolean;
  /** Rounds run (each a transaction on PostgreSQL), whatever they found. */
  rounds: number;
}

export interface Relay {
  start(): void;
  stop(): Promise<void>;
  /** Publish now (coalesced: at most one run in flight, one more queued). */
  kick(): void;
  stats(): RelayStats;
  /** Deletes old published rows now; returns how many. Also runs every pruneIntervalMs. */
  prunePublished(): Promise<number>;
}

/**
 * Moves committed outbox rows to the event log: woken by each commit (PostgreSQL NOTIFY from any
 * process, or in-process), polling as a safety net, retrying with backoff while the log is down
 * (writes keep succeeding meanwhile).
 */
export function createRelay(options: RelayOptions): Relay {
  const { database, log } = options;
  const logger = options.logger.child({ component: "relay" });
  const batchSize = options.batchSize ?? 2000;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const minBackoffMs = options.minBackoffMs ?? 100;
  const maxBackoffMs = options.maxBackoffMs ?? 5000;
  const retainMs = (options.retainPublishedDays ?? 7) * 24 * 60 * 60_000;
  const retainActivityMs = Math.max(retainMs, (options.retainActivityDays ?? 90) * 24 * 60 * 60_000);
  const pruneIntervalMs = options.pruneIntervalMs ?? 60 * 60_000;

  const stats: Omit<RelayStats, "lagMs" | "standby"> & { oldestPending: Date | null } = {
    listening: false,
    rounds: 0,
    published: 0,
    lastPublishedAt: null,
    pending: 0,
    oldestPending: null,
    failures: 0,
    lastError: null
  };
  let started = false;
  let listenLost = false;
  let stopped = false;
  let running: Promise<void> | null = null;
  let rerun = false;
  let attempt = 0;
  let outage = false;
  let backoffTimer: NodeJS.Timeout | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  let pruneTimer: NodeJS.Timeout | undefined;
  const unsubscribers: (() => void | Promise<void>)[] = [];
  let listener: ReturnType<RelayDatabase["listenForOutbox"]> | undefined;
  const mayLead = options.lead ?? true;
  const leading = () => mayLead && (listener?.leading() ?? true);
  const answer = answerNotify(leading, options.standbyDelayMs ?? 100, () => softKick());

  async function runOnce(): Promise<void> {
    for (;;) {
      if (stopped) return;
      const round = await publishRound(database, log, batchSize, (orgs) => {
        stats.pending = orgs.reduce((sum, o) => sum + o.pending, 0);
        stats.oldestPending = orgs[0]?.oldest ?? null;
      });
      stats.rounds += 1;
      stats.pending = Math.max(0, stats.pending - round.published);
      if (stats.pending === 0) stats.oldestPending = null;
      if (round.published > 0) {
        stats.published += round.published;
        stats.lastPublishedAt = new Date();
      }
      if (!round.more) return;
    }
  }

  async function runLoop(): Promise<void> {
    do {
      rerun = false;
      try {
        await runOnce();
        recovered();
      } catch (error) {
        failed(error);
        return;
      }
    } while (rerun && !stopped);
  }

  function recovered(): void {
    if (outage) logger.info({ attempts: attempt, published: stats.published }, "event relay recovered; publishing resumed");
    outage = false;
    attempt = 0;
  }

  function failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    stats.failures += 1;
    stats.lastError = message;
    attempt += 1;
    if (!outage) {
      // Once per outage: the retries below would otherwise flood the log.
      logger.warn({ err: message, pending: stats.pending }, "event relay cannot publish; changes are kept and retried");
      outage = true;
    } else {
      logger.debug({ err: message, attempt }, "event relay retry failed");
    }
    if (stopped) return;
    const ceiling = Math.min(maxBackoffMs, minBackoffMs * 2 ** Math.min(attempt - 1, 30));
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    backoffTimer = setTimeout(() => {
      backoffTimer = undefined;
      kick();
    }, delay);
    backoffTimer.unref();
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      rerun = true;
      return;
    }
    clearTimeout(backoffTimer);
    backoffTimer = undefined;
    running = runLoop().finally(() => {
      running = null;
    });
  }

  /** Commits and polls wait out a backoff; only a recovered log or an explicit kick cut it short. */
  function softKick(): void {
    if (backoffTimer === undefined) kick();
  }

  async function prune(): Promise<number> {
    const deleted = await prunePublished(database, new Date(Date.now() - retainMs), new Date(Date.now() - retainActivityMs));
    if (deleted > 0) logger.info({ deleted }, "pruned published outbox rows");
    return deleted;
  }

  return {
    start() {
      if (started) return;
      started = true;
      const onCommitted = () => softKick();
      database.notifier.on("committed", onCommitted);
      unsubscribers.push(() => {
        database.notifier.off("committed", onCommitted);
      });
      const listening = database.listenForOutbox(() => answer.notified(), {
        ...(mayLead ? { leaderLock: RELAY_LEADER_LOCK } : {}),
        ...(options.listenRetryMs === undefined ? {} : { retryMs: options.listenRetryMs }),
        onListening: () => {
          if (listenLost) logger.info("event relay listens for commits again");
          listenLost = false;
          stats.listening = true;
        },
        onError: (error) => {
          // Once per loss: reconnect attempts would otherwise flood the log.
          if (!listenLost) logger.warn({ err: error.message }, "event relay lost its LISTEN connection; polling until it is back");
          listenLost = true;
          stats.listening = false;
        }
      });
      listener = listening;
      unsubscribers.push(() => listening.close());
      unsubscribers.push(
        log.onStatus((live) => {
          if (live) kick();
        })
      );
      pollTimer = setInterval(() => {
        softKick();
        if (mayLead && !listening.leading()) void listening.tryLead();
      }, pollIntervalMs);
      pollTimer.unref();
      pruneTimer = setInterval(() => {
        prune().catch((error: unknown) => logger.warn({ err: (error as Error).message }, "pruning the outbox failed"));
      }, pruneIntervalMs);
      pruneTimer.unref();
      // A log already live has just asked for the first round; one is enough to start.
      if (!running) kick();
    },
    async stop() {
      stopped = true;
      clearTimeout(backoffTimer);
      clearInterval(pollTimer);
      clearInterval(pruneTimer);
      answer.stop();
      for (const unsubscribe of unsubscribers.splice(0)) await unsubscribe();
      await running;
    },
    kick,
    stats() {
      const { oldestPending, ...rest } = stats;
      return { ...rest, standby: !leading(), lagMs: oldestPending ? Math.max(0, Date.now() - oldestPending.getTime()) : 0 };
    },
    prunePublished: prune
  };
}
