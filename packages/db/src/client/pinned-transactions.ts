import { processSingleton } from "@switchboard/config";
import { AsyncLocalStorage } from "node:async_hooks";
import type { PrismaPg } from "@prisma/adapter-pg";
import { batchStorage, type OutboxBatch } from "../outbox/outbox-batch";
import { cancelStatement } from "./cancel-statement";

export type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
export type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Statement = Parameters<Transaction["executeRaw"]>[0];

const statement = (sql: string): Statement => ({ sql, args: [], argTypes: [] });

// A process singleton like the ambient transaction: the embedded server's copy and Next's bundle share it.
const pinnedStorage = processSingleton("db.pinned", () => new AsyncLocalStorage<PinnedTransaction>());

export type IsolationLevel = NonNullable<Parameters<Adapter["startTransaction"]>[0]>;

/**
 * How long a transaction may wait for a pool connection (`maxWait`) and run before it is rolled
 * back (`timeout`), in ms, and its isolation level (PostgreSQL's default, read committed, unless set).
 */
export interface PinnedOptions {
  maxWait: number;
  timeout: number;
  isolationLevel?: IsolationLevel;
}

/**
 * A driver transaction that Prisma's ordinary (non-transaction) calls join while they run inside
 * its scope (`runPinned`): the adapter hands their statements to it instead of to the pool.
 */
export class PinnedTransaction {
  private savepoints = 0;
  private ended = false;
  private expired?: Error;
  private ending?: Promise<void>;
  private cancelling?: Promise<void>;

  constructor(
    readonly adapter: object,
    readonly tx: Transaction
  ) {}

  /**
   * Runs `fn` with this transaction's adapter's calls joining it, then commits it (or rolls it back
   * if `fn` or the commit fails). Past `timeout` ms the transaction is rolled back at once, its
   * connection given back even if `fn` never settles (a statement it still runs, such as one
   * waiting for a lock, cancelled first), and `run` fails once `fn` does.
   */
  async run<T>(fn: () => Promise<T>, timeout = 0): Promise<T> {
    const timer = timeout > 0 ? setTimeout(() => this.expire(timeout), timeout) : undefined;
    let value: T;
    try {
      // Awaited in the scope: a lazy Prisma promise that fn returns starts in the transaction.
      value = await pinnedStorage.run(this, async () => await fn());
    } catch (error) {
      clearTimeout(timer);
      await this.rollBack();
      throw this.expired ?? error;
    }
    clearTimeout(timer);
    if (this.expired) throw this.expired;
    try {
      await this.tx.executeRaw(statement("COMMIT"));
    } catch (error) {
      await this.rollBack();
      throw error;
    }
    this.ended = true;
    await this.tx.commit();
    return value;
  }

  private expire(timeout: number): void {
    this.expired = new Error(`the transaction ran past its ${timeout} ms and was rolled back`);
    this.cancelling = cancelStatement(this.tx);
    void this.rollBack();
  }

  /**
   * Rolls back and gives the connection back, once; a failed ROLLBACK (a lost connection) still
   * gives it back. After a cancel, only once PostgreSQL has it: a cancel landing on the ROLLBACK
   * would leave the connection in a failed transaction.
   */
  private rollBack(): Promise<void> {
    this.ended = true;
    this.ending ??= (this.cancelling ?? Promise.resolve())
      .then(() => this.tx.executeRaw(statement("ROLLBACK")))
      .then(noop, noop)
      .then(() => this.tx.rollback());
    return this.ending;
  }

  /**
   * The transaction, for a statement of a call made in its scope. A call still running once it has
   * ended (started in `fn` and not awaited, or past the timeout) fails: its connection may already
   * serve another transaction, and outside the transaction it would not be the write it was made as.
   */
  current(): Transaction {
    if (this.expired) throw this.expired;
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

function noop(): void {}

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
 * released. Waiting longer than `options.maxWait` for a connection fails (the connection, once it
 * comes, given back unused).
 */
export async function runPinned<T>(adapter: Adapter, outbox: OutboxBatch, fn: () => Promise<T>, options?: PinnedOptions): Promise<T> {
  const starting = batchStorage.run(outbox, () => adapter.startTransaction(options?.isolationLevel));
  const tx = options ? await withinWait(starting, options.maxWait) : await starting;
  return new PinnedTransaction(adapter, tx).run(fn, options?.timeout);
}

/** The started transaction, or an error after `maxWait` ms (the pool had no connection free); one started late is ended unused. */
function withinWait(starting: Promise<Transaction>, maxWait: number): Promise<Transaction> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`no database connection came free within ${maxWait} ms to start a transaction`));
      void starting.then(
        (late) =>
          late
            .executeRaw(statement("ROLLBACK"))
            .then(noop, noop)
            .then(() => late.rollback()),
        noop
      );
    }, maxWait);
  });
  return Promise.race([starting, waited]).finally(() => clearTimeout(timer));
}
