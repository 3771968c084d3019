import type pg from "pg";

/** The connection's socket, where this pg version exposes it. */
interface Corkable {
  cork?(): void;
  uncork?(): void;
}

/**
 * Runs `fn` (which hands statements to `client`) with the client's socket corked, so what pg writes
 * for them leaves in one write: on a connection in pipeline mode, statements handed over together
 * reach PostgreSQL together and cost one wakeup of its backend, not one each.
 */
export function writeTogether<T>(client: pg.ClientBase, fn: () => T): T {
  const stream = (client as unknown as { connection?: { stream?: Corkable } }).connection?.stream;
  stream?.cork?.();
  try {
    return fn();
  } finally {
    stream?.uncork?.();
  }
}
