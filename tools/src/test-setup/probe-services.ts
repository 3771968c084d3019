import { Redis } from "ioredis";
import pg from "pg";

export type Probe = { ok: true } | { ok: false; why: string };

/** A URL fit to print: the password, if any, hidden. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(what), { code: "ETIMEDOUT" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(error: unknown, url: string): string {
  const e = error as { code?: string; message?: string };
  let where = url;
  try {
    where = new URL(url).host;
  } catch {
    // Printed as given.
  }
  if (e.code === "ECONNREFUSED") return `nothing listens on ${where}`;
  if (e.code === "ETIMEDOUT") return `no answer from ${where}`;
  if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN") return `unknown host in ${where}`;
  if (e.message?.includes("password must be a string")) return "the server asks for a password the URL does not give";
  return e.message ?? String(error);
}

/** Whether tests can use the PostgreSQL server at `url`: it answers, lets us in, and lets us create databases. */
export async function probePostgres(url: string, timeoutMs = 3_000): Promise<Probe> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => undefined);
  try {
    await withTimeout(client.connect(), timeoutMs + 500, "connect timed out");
    const { rows } = await client.query<{ can: boolean }>("select rolsuper or rolcreatedb as can from pg_roles where rolname = current_user");
    return rows[0]?.can ? { ok: true } : { ok: false, why: `the user of ${shownUrl(url)} may not create databases` };
  } catch (error) {
    return { ok: false, why: describe(error, url) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether tests can use the Redis server at `url`: it answers PING. */
export async function probeRedis(url: string, timeoutMs = 2_000): Promise<Probe> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false
  });
  // ioredis rejects connect() with "Connection is closed."; the socket's own error says why.
  let cause: unknown;
  client.on("error", (error) => (cause ??= error));
  try {
    await withTimeout(client.connect(), timeoutMs + 500, "connect timed out").catch((error: unknown) => {
      throw cause ?? error;
    });
    const answer = await withTimeout(client.ping(), timeoutMs, "PING timed out");
    return answer === "PONG" ? { ok: true } : { ok: false, why: `answered PING with ${answer}` };
  } catch (error) {
    return { ok: false, why: describe(error, url) };
  } finally {
    client.disconnect();
  }
}
