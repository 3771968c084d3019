import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";
import { childEnv, e2eEnv } from "./env";
import { dbDir } from "./paths";

const run = promisify(execFile);

async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eEnv.testServerUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A fresh database for this run on the machine's server; random name so runs never collide. */
export async function createE2eDatabase(): Promise<{ name: string; url: string }> {
  const name = `sb_e2e_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await onServer((c) => c.query(`CREATE DATABASE ${name}`));
  return { name, url: withDatabaseName(e2eEnv.testServerUrl, name) };
}

export async function dropE2eDatabase(name: string): Promise<void> {
  if (!/^sb_e2e_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}: not an e2e database`);
  await onServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/**
 * Applies migrations and loads the demo organization through the db package's own CLI, the same
 * path an operator uses (`npm run db:seed`), so e2e also covers that tooling.
 */
export async function migrateAndSeed(env: { DATABASE_URL: string; AUTH_SECRET: string; SECRETS_KEY: string }): Promise<void> {
  try {
    await run(process.execPath, ["--import", "tsx", "src/cli/seed.ts"], { cwd: dbDir, env: childEnv({ ...env, LOG_LEVEL: "warn" }), timeout: 120_000 });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`migrate + seed failed: ${e.message}\n${e.stdout ?? ""}${e.stderr ?? ""}`, { cause: error });
  }
}
