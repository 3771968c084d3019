import { processSingleton } from "@switchboard/config";
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaPg } from "@prisma/adapter-pg";
import { batchStorage, type OutboxBatch } from "../outbox/outbox-batch";

export type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
export type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Statement = Parameters<Transaction["executeRaw"]>[0];

const statement = (sql: string): Statement => ({ sql, args: [], argTypes: [] });

// A process singleton like the ambient transaction: the embedded server's copy and Next's bundle share it.
const pinnedStorage = processSingleton("db.pinned", () => new AsyncLocalStorage<PinnedTransaction>());

/**
 * A driver transaction that Prisma's ordinary (non-transaction) calls join while they run inside
 * its scope (`runPinned`): the adapter hands their statements to it instead of to the pool.
 */
export class PinnedTransaction {
  private savepoints = 0;
  private ended = false;

  constructor(
    readonly adapter: object,
    readonly tx: Transaction
  ) {}

  /** Runs `fn` with this transaction's adapter's calls joining it, then commits it (or rolls it back if `fn` or the commit fails). */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const { tx } = this;
    let value: T;
    try {
      value = await pinnedStorage.run(this, fn);
      await tx.executeRaw(statement("COMMIT"));
    } catch (error) {
      try {
        await tx.executeRaw(statement("ROLLBACK"));
      } finally {
        this.ended = true;
        await tx.rollback();
      }
      throw error;
    }
    this.ended = true;
    await tx.commit();
    return value;
  }

  /**
   * The transaction, for a statement of a call made in its scope. A call still running once it has
   * ended (started in `fn` and not awaited) fails: its connection may already serve another
   * transaction, and outside the transaction it would not be the write it was made as.
   */
  current(): Transaction {
    if (this.ended) throw new Error("a database call outlived the transaction it was made in (started inside it and not awaited)");
    return this.tx;
  }

  /**
   * What a transaction Prisma starts for one of its own calls (a write it makes in several
   * statements) becomes inside the pinned one: a savepoint, released on its COMMIT and rolled back
   * to on its ROLLBACK, so the call still succeeds or fails as a whole without leaving the
   * transaction its change commits with.
   */
  async nested(): Promise<Transaction> {
    const name = `switchboard_nested_${++this.savepoints}`;
    const outer = this.current();
    await outer.executeRaw(statement(`SAVEPOINT ${name}`));
    const ends: Record<string, string> = { COMMIT: `RELEASE SAVEPOINT ${name}`, ROLLBACK: `ROLLBACK TO SAVEPOINT ${name}` };
    return new Proxy(outer, {
      get(target, prop, receiver) {
        if (prop === "executeRaw")
          return (query: Statement) => {
            const end = ends[query.sql];
            return target.executeRaw(end ? statement(end) : query);
          };
        // The connection stays with the outer transaction: ending the savepoint releases nothing.
        if (prop === "commit" || prop === "rollback") return () => Promise.resolve();
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
    });
  }
}

/** The pinned transaction that `adapter`'s calls made now belong to, if any. */
export function pinnedOf(adapter: object): PinnedTransaction | undefined {
  const pinned = pinnedStorage.getStore();
  return pinned?.adapter === adapter ? pinned : undefined;
}

/** Where a client's adapter is once Prisma has connected it (`withSerialTransactions`). */
export interface AdapterHandle {
  adapter?: Adapter;
}

/**
 * Runs `fn` (ordinary Prisma calls of the client whose adapter `handle` holds) in one transaction
 * of the adapter, started here rather than through Prisma's interactive transactions, whose
 * machinery (a transaction client built per transaction, timers, a registry of open transactions)
 * costs as much CPU as the write itself. `outbox` goes with the transaction's COMMIT as in every
 * hooked transaction. The calls must not run past `fn`'s end: they would find the connection
 * released.
 */
export async function runPinned<T>(adapter: Adapter, outbox: OutboxBatch, fn: () => Promise<T>): Promise<T> {
  const tx = await batchStorage.run(outbox, () => adapter.startTransaction());
  return new PinnedTransaction(adapter, tx).run(fn);
}
