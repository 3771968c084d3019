import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsDir } from "../paths";
import { testServerUrl } from "../testing/test-database";
import { withPgExecutor } from "./executors";
import { readMigrationFiles } from "./migration-files";
import { runMigrations } from "./run-migrations";

interface BookkeepingRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
}

const created: string[] = [];
const tempDirs: string[] = [];

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** An empty database (no migrations applied), dropped after the file. */
async function emptyDatabase(): Promise<string> {
  const name = `sb_mig_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE ${name}`);
  created.push(name);
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

function query<T>(url: string, sql: string): Promise<T[]> {
  return withPgExecutor(url, (db) => db.query<T>(sql));
}

afterAll(async () => {
  for (const name of created) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe("runMigrations", () => {
  let url: string;
  beforeAll(async () => {
    url = await emptyDatabase();
  });

  it("applies every migration on a fresh database, then nothing on the next run", async () => {
    const files = readMigrationFiles();
    expect(files.length).toBeGreaterThan(0);
    const first = await withPgExecutor(url, (db) => runMigrations(db));
    expect(first).toEqual({ applied: files.map((f) => f.name), alreadyApplied: 0 });
    const second = await withPgExecutor(url, (db) => runMigrations(db));
    expect(second).toEqual({ applied: [], alreadyApplied: files.length });

    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    expect(tables.map((r) => r.table_name)).toEqual(expect.arrayContaining(["organizations", "extensions", "outbox_events", "org_sequences"]));
  });

  it("records each migration exactly as Prisma's engine does", async () => {
    const files = readMigrationFiles();
    const rows = await query<BookkeepingRow>(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows).toHaveLength(files.length);
    for (const [i, file] of files.entries()) {
      const row = rows[i];
      expect(row).toMatchObject({ migration_name: file.name, checksum: file.checksum, rolled_back_at: null, logs: null, applied_steps_count: 1 });
      expect(row?.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row?.finished_at).toBeInstanceOf(Date);
      expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const columns = await query<{ column_name: string; data_type: string; is_nullable: string }>(
      url,
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`
    );
    expect(columns.map((c) => [c.column_name, c.data_type, c.is_nullable])).toEqual([
      ["id", "character varying", "NO"],
      ["checksum", "character varying", "NO"],
      ["finished_at", "timestamp with time zone", "YES"],
      ["migration_name", "character varying", "NO"],
      ["logs", "text", "YES"],
      ["rolled_back_at", "timestamp with time zone", "YES"],
      ["started_at", "timestamp with time zone", "NO"],
      ["applied_steps_count", "integer", "NO"]
    ]);
  });

  it("leaves nothing of a failing migration behind and blocks later runs with a clear message", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "sb-migrations-"));
    tempDirs.push(dir);
    cpSync(migrationsDir, dir, { recursive: true });
    mkdirSync(path.join(dir, "29991231000000_broken"));
    writeFileSync(
      path.join(dir, "29991231000000_broken", "migration.sql"),
      `CREATE TABLE "half_applied" ("id" INTEGER);\nALTER TABLE "extensions" ADD COLUMN "probe" TEXT;\nSELECT 1 / 0;\n`
    );
    const fresh = await emptyDatabase();
    const files = readMigrationFiles(dir);

    await expect(withPgExecutor(fresh, (db) => runMigrations(db, files))).rejects.toThrow(/migration 29991231000000_broken failed: division by zero/);
    const leftovers = await query<{ n: number }>(
      fresh,
      `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'half_applied' OR (table_name = 'extensions' AND column_name = 'probe')`
    );
    expect(leftovers[0]?.n).toBe(0);
    const rows = await query<BookkeepingRow>(fresh, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);
    const failed = rows.find((r) => r.migration_name === "29991231000000_broken");
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(failed?.logs).toContain("division by zero");
    expect(rows.filter((r) => r.finished_at !== null)).toHaveLength(files.length - 1);

    await expect(withPgExecutor(fresh, (db) => runMigrations(db, files))).rejects.toThrow(
      /migration 29991231000000_broken failed earlier and blocks further migrations/
    );
    // The lock was released on failure: a later run is not stuck behind it.
    await expect(withPgExecutor(fresh, (db) => runMigrations(db, files))).rejects.toThrow(/blocks further migrations/);
  });
});
