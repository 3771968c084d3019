import { randomUUID } from "node:crypto";
import { readMigrationFiles, type MigrationFile } from "./migration-files";

/** The little a migration runner needs from a connection: one simple-protocol query at a time. */
export interface SqlExecutor {
  /** Runs one or more statements with the simple query protocol (no parameters). */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

// Same lock id as Prisma's engine, so `prisma migrate deploy` and this runner never overlap.
const PRISMA_MIGRATE_LOCK = 72707369;

const BOOKKEEPING_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations exactly as `prisma migrate deploy` would record them, so either tool
 * can take over from the other. Each migration runs in its own transaction: a failing one leaves
 * nothing half-applied and is recorded as failed, which blocks later runs until it is resolved.
 */
export async function runMigrations(db: SqlExecutor, files: MigrationFile[] = readMigrationFiles()): Promise<MigrationResult> {
  await db.exec(BOOKKEEPING_DDL);
  await db.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
  try {
    const rows = await db.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`);
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new Error(`migration ${failed.migration_name} failed earlier and blocks further migrations; fix the database, then mark it rolled back`);
    }
    const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const file of files) {
      const checksum = done.get(file.name);
      if (checksum !== undefined) {
        if (checksum !== file.checksum) {
          console.warn(`migration ${file.name} was modified after it was applied (checksum differs)`);
        }
        continue;
      }
      await applyOne(db, file);
      applied.push(file.name);
    }
    return { applied, alreadyApplied: done.size };
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]);
  }
}

async function applyOne(db: SqlExecutor, file: MigrationFile): Promise<void> {
  const id = randomUUID();
  try {
    await db.exec(`BEGIN;\n${file.sql}\n;COMMIT;`);
  } catch (error) {
    await db.exec("ROLLBACK").catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    await db.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at) VALUES ($1, $2, $3, $4, now())`, [
      id,
      file.checksum,
      file.name,
      message
    ]);
    throw new Error(`migration ${file.name} failed: ${message}`, { cause: error });
  }
  await db.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), now(), 1)`,
    [id, file.checksum, file.name]
  );
}
