import { randomBytes } from "node:crypto";
import pg from "pg";
import { createSecretBox, type SecretBox } from "@switchboard/auth";
import { createDatabase, type Database } from "../client/create-client";

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

export interface TestDatabase {
  name: string;
  url: string;
  database: Database;
  box: SecretBox;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated PostgreSQL database of its own for one test file, on the real server (never a
 * mock). Dropped by `drop()`; names are random so parallel runs never collide.
 */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const name = `sb_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = withDatabaseName(testServerUrl(), name);
  const database = createDatabase({ kind: "postgres", url, poolSize: options.poolSize ?? 10 });
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
