import { processSingleton } from "@switchboard/config";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Actor } from "@switchboard/contracts";
import type { OutboxBatch } from "./outbox-batch";

/** A Prisma model delegate, as far as the hooks use it. */
export interface Delegate {
  [operation: string]: (args?: unknown) => Promise<unknown>;
}
/** The raw (unextended) interactive-transaction client. */
export type RawTx = Record<string, unknown> & {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(sql: string, ...values: unknown[]): Promise<T>;
};

export interface TxContext {
  tx: RawTx;
  /** The outbox rows of this transaction's writes; its events, announced once it commits. */
  outbox: OutboxBatch;
}

// Process singletons: in embedded mode the server's copy of this package and Next's bundled copy
// run in one process, and both must see the same ambient transaction and actor.
export const txStorage = processSingleton("outbox.tx", () => new AsyncLocalStorage<TxContext>());
const actorStorage = processSingleton("outbox.actor", () => new AsyncLocalStorage<Actor | null>());

/** Runs `fn` with `actor` recorded as the author of every event it causes. */
export function withActor<T>(actor: Actor | null, fn: () => T): T {
  return actorStorage.run(actor, () => {
    const result = fn();
    // Prisma queries are lazy: start them here, inside the actor's context, not at the caller's await.
    if (result !== null && typeof result === "object" && typeof (result as { then?: unknown }).then === "function") {
      return (result as unknown as PromiseLike<unknown>).then((value) => value) as T;
    }
    return result;
  });
}

export function currentActor(): Actor | null {
  return actorStorage.getStore() ?? null;
}

/** The transaction's delegate of `model`, typed as the caller uses it. */
export function delegateOf<D = Delegate>(tx: RawTx, model: string): D {
  const key = model.charAt(0).toLowerCase() + model.slice(1);
  const delegate = tx[key];
  if (!delegate) throw new Error(`no Prisma delegate for model ${model}`);
  return delegate as D;
}
