import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client";
import { pgliteExecutor, withPgExecutor } from "../migrations/executors";
import { runMigrations, type MigrationResult } from "../migrations/run-migrations";
import { CommitNotifier, withOutbox, type DenyInTx } from "../outbox/outbox-extension";
import { listenForOutbox, type OutboxListener, type OutboxListenerOptions } from "../outbox/outbox-listener";
import { createDirectConnection } from "./direct-connection";
import type { AdapterHandle } from "./pinned-transactions";
import { adapterHandleOf, withSerialTransactions } from "./serial-transactions";
import { statementNames } from "./statement-names";

/** Most statements each pool connection keeps prepared (statement-names.ts). */
const PREPARED_STATEMENTS = 200;

export type DbTarget = { kind: "postgres"; url: string; poolSize?: number } | { kind: "embedded"; dataDir: string };

function createBaseClient(target: DbTarget): { prisma: PrismaClient; pglite?: PGlite; adapter?: AdapterHandle } {
  if (target.kind === "postgres") {
    // Pipeline mode: a transaction's statements may go on the wire together (transaction-connection.ts).
    const pool = { connectionString: target.url, max: target.poolSize ?? 10, pipeline: true };
    const adapter = withSerialTransactions(new PrismaPg(pool, { statementNameGenerator: statementNames(PREPARED_STATEMENTS) }));
    // Minimal errors: no call site captured (a stack trace) for every query.
    return { prisma: new PrismaClient({ adapter, errorFormat: "minimal" }), adapter: adapterHandleOf(adapter) };
  }
  mkdirSync(target.dataDir, { recursive: true });
  const pglite = new PGlite(target.dataDir);
  return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite) }), pglite };
}

/** A database handle: the hooked Prisma client, commit notifications and a way to migrate. */
export function createDatabase(target: DbTarget) {
  const { prisma, pglite, adapter } = createBaseClient(target);
  const notifier = new CommitNotifier();
  notifier.setMaxListeners(50);
  const client = withOutbox(prisma, notifier, adapter);
  const direct = target.kind === "postgres" ? createDirectConnection(target.url, "switchboard-direct") : null;
  return {
    target,
    client,
    /** The unhooked client: for the relay and maintenance only, never for domain writes. */
    raw: prisma,
    notifier,
    pglite,
    /** PostgreSQL outside Prisma, for fixed SQL sent several statements at a time (the relay's rounds); null when embedded. */
    direct,
    /**
     * Wakes `onWake` when any process commits outbox rows (PostgreSQL LISTEN). Embedded, only this
     * process writes, and `notifier` already says so: nothing to listen to.
     */
    listenForOutbox(onWake: () => void, options?: OutboxListenerOptions): OutboxListener {
      if (target.kind !== "postgres")
        return { ready: Promise.resolve(), leading: () => true, tryLead: () => Promise.resolve(true), close: () => Promise.resolve() };
      return listenForOutbox(target.url, onWake, options);
    },
    migrate(): Promise<MigrationResult> {
      return pglite ? runMigrations(pgliteExecutor(pglite)) : withPgExecutor((target as { url: string }).url, (db) => runMigrations(db));
    },
    async close(): Promise<void> {
      await direct?.close();
      await prisma.$disconnect();
      await pglite?.close();
    }
  };
}

export type Database = ReturnType<typeof createDatabase>;
export type DbClient = Database["client"];
/** What `db.$transaction(fn)` hands to `fn`: the hooked models plus raw SQL, in the transaction. */
export type DbTransaction = Omit<DbClient, DenyInTx>;
