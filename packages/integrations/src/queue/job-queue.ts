import { fromPglite, PgBoss, type ConstructorOptions, type Db, type SendOptions } from "pg-boss";
import type { Logger } from "pino";
import type { Database } from "@switchboard/db";
import { deadLetterOf, queueDefinitions, type QueueName, type QueueSettings } from "./queues";

/** A statement runner inside the caller's transaction (a hooked Prisma tx client). */
interface TxRunner {
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
}

export interface JobQueue {
  readonly boss: PgBoss;
  /**
   * Enqueues a job; with `tx`, in the caller's transaction, so the job exists exactly when the
   * change that asked for it commits. Returns null when the queue's policy refused it (an
   * identical singleton is already waiting).
   */
  send(name: QueueName, data: object, options?: SendOptions & { tx?: TxRunner }): Promise<string | null>;
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

/** pg-boss statements through a Prisma transaction: the job row commits or rolls back with it. */
function txDb(tx: TxRunner): Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const rows = await tx.$queryRawUnsafe<unknown[]>(text, ...(values ?? []));
      return { rows: Array.isArray(rows) ? rows : [] };
    }
  } as Db;
}

export interface JobQueueOptions {
  database: Database;
  logger: Logger;
  settings: QueueSettings;
  /** Runs maintenance (expiry, retention, heartbeat monitoring): processes with workers do. */
  supervise: boolean;
  /** Seconds between supervision passes (tests shorten it). */
  superviseIntervalSeconds?: number;
}

/**
 * The job queue: pg-boss on the app's own database. Embedded, on the same PGlite instance as
 * Prisma (each pg-boss statement takes PGlite's transaction lock, so it never runs inside another
 * transaction); in a cluster, on a small pool of its own. Creates the schema and the queues.
 */
export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const { database, logger } = options;
  const log = logger.child({ component: "jobs" });
  const interval = options.superviseIntervalSeconds ?? 30;
  const common: ConstructorOptions = {
    schema: "pgboss",
    supervise: options.supervise,
    superviseIntervalSeconds: interval,
    monitorIntervalSeconds: interval,
    openTelemetry: { enabled: false },
    instanceName: options.supervise ? "worker" : "producer"
  };
  const target = database.target;
  const boss =
    target.kind === "postgres"
      ? new PgBoss({ ...common, connectionString: target.url, max: Math.min(5, target.poolSize ?? 5), application_name: "switchboard-jobs" })
      : new PgBoss({ ...common, db: fromPglite(requirePglite(database)), backend: "pglite" });
  boss.on("error", (error: Error) => log.warn({ err: error.message }, "job queue error"));
  await boss.start();
  for (const [name, definition] of Object.entries(queueDefinitions(options.settings)) as [QueueName, object][]) {
    await ensureQueue(boss, deadLetterOf(name), {});
    await ensureQueue(boss, name, definition);
  }
  return {
    boss,
    send(name, data, sendOptions = {}) {
      const { tx, ...rest } = sendOptions;
      return boss.send(name, data, { ...rest, ...(tx ? { db: txDb(tx) } : {}) });
    },
    async stop(stopOptions = {}) {
      await boss.stop({ graceful: stopOptions.graceful ?? true, timeout: stopOptions.timeoutMs ?? 20_000, close: target.kind === "postgres" });
    }
  };
}

async function ensureQueue(boss: PgBoss, name: string, definition: object): Promise<void> {
  if (!(await boss.getQueue(name))) return boss.createQueue(name, definition);
  const changeable = stripImmutable(definition);
  if (Object.keys(changeable).length > 0) await boss.updateQueue(name, changeable);
}

/** The policy and partitioning are fixed when a queue is created. */
function stripImmutable(definition: object): object {
  const { policy: _policy, partition: _partition, ...rest } = definition as Record<string, unknown>;
  return rest;
}

function requirePglite(database: Database) {
  if (!database.pglite) throw new Error("embedded database without a PGlite instance");
  return database.pglite;
}
