import { toEnvelope, type Database } from "@switchboard/db";
import type { EventLog } from "@switchboard/events";
import type { Logger } from "pino";

/**
 * EXPERIMENT (bench only, `--relay batched`): the relay change proposed in bench/results/NOTES.md,
 * so its effect can be measured before it is applied to packages/events. Same guarantees as
 * createRelay — per-org advisory lock held in the publishing transaction, each org's rows in seq
 * order, idempotent append — but ONE transaction per round for all pending orgs instead of one
 * per org: lock every pending org in one statement, read their rows in one query, one Lua append,
 * one UPDATE. The real relay's cost grows with the number of active orgs; this one's does not.
 */
const RELAY_LOCK_CLASS = 7_270_001;

export interface BatchedRelay {
  start(): void;
  stop(): Promise<void>;
  stats(): { published: number; rounds: number };
}

async function publishRound(database: Pick<Database, "raw">, log: EventLog, batchSize: number): Promise<number> {
  return database.raw.$transaction(
    async (tx) => {
      const pending = await tx.$queryRawUnsafe<{ org_id: string }[]>(
        "SELECT DISTINCT organization_id::text AS org_id FROM outbox_events WHERE published_at IS NULL"
      );
      if (pending.length === 0) return 0;
      const locks = await tx.$queryRawUnsafe<{ org_id: string; locked: boolean }[]>(
        "SELECT o AS org_id, pg_try_advisory_xact_lock($1::int, hashtext(o)) AS locked FROM unnest($2::text[]) AS o",
        RELAY_LOCK_CLASS,
        pending.map((p) => p.org_id)
      );
      const locked = locks.filter((l) => l.locked).map((l) => l.org_id);
      if (locked.length === 0) return 0;
      const rows = await tx.outboxEvent.findMany({
        where: { organizationId: { in: locked }, publishedAt: null },
        orderBy: [{ organizationId: "asc" }, { seq: "asc" }],
        take: batchSize
      });
      if (rows.length === 0) return 0;
      await log.append(rows.map(toEnvelope));
      await tx.$executeRawUnsafe(
        "UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::uuid[])",
        rows.map((r) => r.id)
      );
      return rows.length;
    },
    { maxWait: 10_000, timeout: 60_000 }
  );
}

export function createBatchedRelay(options: { database: Database; log: EventLog; logger: Logger; batchSize?: number; pollIntervalMs?: number }): BatchedRelay {
  const batchSize = options.batchSize ?? 1000;
  let running: Promise<void> | null = null;
  let rerun = false;
  let stopped = false;
  let published = 0;
  let rounds = 0;
  let poll: NodeJS.Timeout | undefined;

  async function loop(): Promise<void> {
    do {
      rerun = false;
      try {
        for (;;) {
          const n = await publishRound(options.database, options.log, batchSize);
          rounds += 1;
          published += n;
          if (n < batchSize || stopped) break;
        }
      } catch (error) {
        options.logger.warn({ err: (error as Error).message }, "batched relay round failed; the next kick retries");
      }
    } while (rerun && !stopped);
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      rerun = true;
      return;
    }
    running = loop().finally(() => (running = null));
  }

  const onCommitted = () => kick();
  return {
    start() {
      options.database.notifier.on("committed", onCommitted);
      poll = setInterval(kick, options.pollIntervalMs ?? 1000);
      poll.unref();
      kick();
    },
    async stop() {
      stopped = true;
      clearInterval(poll);
      options.database.notifier.off("committed", onCommitted);
      await running;
    },
    stats: () => ({ published, rounds })
  };
}
