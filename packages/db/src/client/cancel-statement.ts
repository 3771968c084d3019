import pg from "pg";
import type { Transaction } from "./pinned-transactions";

/** How long cancelling may wait for a connection of its own before the transaction's end goes on without it. */
const CANCEL_CONNECT_MS = 5_000;

/** The parts of the pg connection behind a pg adapter's transaction that cancelling needs. */
type ConnectionParts = Partial<Pick<pg.Client, "user" | "database" | "port" | "host" | "password" | "ssl">> & { processID?: unknown };

/**
 * Cancels the statement the transaction's connection is running, if any (one waiting for a lock
 * another session holds never returns on its own, and ROLLBACK would wait behind it), from a
 * connection of its own: the pool may have none free. Resolves once PostgreSQL has signalled the
 * backend, so a ROLLBACK written after it cannot be the statement cancelled; a backend that runs
 * nothing ignores the signal. Never fails: without it the transaction ends as it would have.
 */
export async function cancelStatement(tx: Transaction): Promise<void> {
  const client = (tx as unknown as { client?: ConnectionParts }).client;
  const pid = client?.processID;
  if (!client || typeof pid !== "number") return;
  const { user, database, port, host, password, ssl } = client;
  const canceller = new pg.Client({ user, database, port, host, password, ssl, connectionTimeoutMillis: CANCEL_CONNECT_MS });
  canceller.on("error", noop);
  try {
    await canceller.connect();
    await canceller.query("SELECT pg_cancel_backend($1)", [pid]);
  } catch {
    // PostgreSQL unreachable: the ROLLBACK after this fails too, and the connection is dropped.
  } finally {
    await canceller.end().catch(noop);
  }
}

function noop(): void {}
