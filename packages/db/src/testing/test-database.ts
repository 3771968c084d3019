import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { createSecretBox, type SecretBox } from "@switchboard/auth";
import { createDatabase, type Database } from "../client/create-client";
import { readMigrationFiles } from "../migrations/migration-files";

/** The server tests create their databases on; the machine's PostgreSQL by default. */
export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/test";
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const TEMPLATE_PREFIX = "sb_template_";

/**
 * The name of a database migrated to today's migrations: test files copy it instead of each
 * migrating a database of their own (a copy costs a fraction of running every migration).
 */
function templateName(): string {
  const hash = createHash("sha256");
  for (const file of readMigrationFiles()) hash.update(`${file.name}:${file.checksum}\n`);
  return `${TEMPLATE_PREFIX}${hash.digest("hex").slice(0, 16)}`;
}

let template: Promise<string> | undefined;

/**
 * Builds the template once per server and migration set. Test processes run side by side, so the
 * build holds an advisory lock, and is migrated under a temporary name and renamed when complete:
 * a build cut short is never copied. Templates of older migration sets are dropped.
 */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = templateName();
    const building = `${name}_building`;
    await admin(async (c) => {
      await c.query("SELECT pg_advisory_lock(hashtext($1))", [TEMPLATE_PREFIX]);
      try {
        const existing = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${TEMPLATE_PREFIX}%`]);
        if (existing.rows.some((row) => row.datname === name)) return;
        for (const { datname } of existing.rows) await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${building}`);
        const database = createDatabase({ kind: "postgres", url: withDatabaseName(testServerUrl(), building), poolSize: 1 });
        try {
          await database.migrate();
        } finally {
          await database.close();
        }
        await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      } finally {
        await c.query("SELECT pg_advisory_unlock(hashtext($1))", [TEMPLATE_PREFIX]);
      }
    });
    return name;
  })();
  // A failed build is retried by the next caller rather than remembered.
  template.catch(() => (template = undefined));
  return template;
}

export interface TestDatabase {
  name: string;
  url: string;
  database: Database;
  box: SecretBox;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated PostgreSQL database of its own for one test file, on the real server (never a
 * mock): a copy of the migrated template. Dropped by `drop()`; names are random so parallel runs
 * never collide.
 */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const name = `sb_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const source = await migratedTemplate();
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${source}`));
  const url = withDatabaseName(testServerUrl(), name);
  const database = createDatabase({ kind: "postgres", url, poolSize: options.poolSize ?? 10 });
  // Applies nothing on a current template; proves the copy is current all the same.
  await database.migrate();
  return {
    name,
    url,
    database,
    box: createSecretBox("test-secrets-key-test-secrets-key-0123456789"),
    async drop() {
      await database.close();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  };
}
