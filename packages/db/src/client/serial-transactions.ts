import type { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { batchStorage, type InsertedRow, type OutboxBatch } from "../outbox/outbox-batch";
import { pinnedOf, type Adapter, type AdapterHandle, type Transaction } from "./pinned-transactions";
import { transactionConnection, transactionConnectionOf, type TransactionConnection } from "./transaction-connection";

const STATEMENTS: ReadonlySet<PropertyKey> = new Set(["queryRaw", "executeRaw"]);

/**
 * An interactive transaction is one pg connection, but Prisma hands it statements concurrently:
 * its query interpreter loads an `include`'s relations with Promise.all, and callers start reads
 * together inside one transaction (a service's rows and count, a snapshot's several lists). Outside
 * pipeline mode pg queues them itself, which it deprecates ("client.query() when the client is
 * already executing a query") and will refuse in pg 9; in pipeline mode it would write each at once,
 * wherever the transaction stands. So each transaction's statements take turns here.
 * A hooked transaction's outbox rows go with its COMMIT (`commitWithOutbox`), and its hooks may
 * write two statements at once (`OutboxBatch.together`; they skip the turns, which the pair takes
 * as one).
 */
function serialTransaction(tx: Transaction, outbox: OutboxBatch | undefined): Transaction {
  let tail: Promise<unknown> = Promise.resolve();
  const afterTail = <T>(run: () => Promise<T>): Promise<T> => {
    const result = tail.then(run);
    tail = result.then(
      () => undefined,
      () => undefined
    );
    return result;
  };
  const connection = transactionConnectionOf((tx as unknown as PgTransactionParts).client);
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => (connection?.gathersNow() ? run() : afterTail(run));
  const commit = outbox && commitWithOutbox(tx, outbox, connection);
  if (commit && connection) outbox.together = (first, second) => connection.together(first, second, afterTail);
  return new Proxy(tx, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      if (prop === "executeRaw" && commit) {
        return (query: { sql: string }) => inTurn(() => (query.sql === "COMMIT" ? commit() : method.call(target, query)));
      }
      // Savepoints call this.executeRaw: with the proxy as `this` they queue like any statement.
      if (STATEMENTS.has(prop)) return (...args: unknown[]) => inTurn(() => method.apply(target, args));
      return (...args: unknown[]) => method.apply(receiver, args);
    }
  });
}

/** What the pg adapter's transaction holds: its pool connection, and how it reports a driver error. */
interface PgTransactionParts {
  client?: unknown;
  onError?: (error: unknown) => never;
}

/**
 * COMMIT for a transaction whose hooked writes queued outbox rows: the rows' insert (a prepared
 * statement: PostgreSQL parses and plans it once per connection) and COMMIT written together, so
 * the rows cost no round trip of their own and each organization's seq counter stays locked only
 * while the two run. If the insert fails, the COMMIT ends the aborted transaction (PostgreSQL
 * answers it with ROLLBACK). Undefined (the batch not claimed: the hooks insert the rows as the
 * transaction's last statement) when the transaction is not on a TransactionConnection.
 */
function commitWithOutbox(tx: Transaction, outbox: OutboxBatch, connection: TransactionConnection | undefined): (() => Promise<number>) | undefined {
  const { onError } = tx as unknown as PgTransactionParts;
  if (!connection || !outbox.claim()) return undefined;
  const toDriverError = (error: unknown): never => {
    if (typeof onError === "function") onError.call(tx, error);
    throw error;
  };
  return async () => {
    const insert = outbox.insertStatement();
    if (!insert) return tx.executeRaw({ sql: "COMMIT", args: [], argTypes: [] });
    const statement = { name: OUTBOX_INSERT_STATEMENT, text: insert.sql, values: [insert.rows] };
    const [insertResult, commitResult] = connection.queryTogether([[statement], ["COMMIT"]]);
    const [inserted, committed] = await Promise.allSettled([insertResult, commitResult]);
    if (inserted.status === "rejected") return toDriverError(inserted.reason);
    if (committed.status === "rejected") return toDriverError(committed.reason);
    outbox.inserted((inserted.value as pg.QueryResult<InsertedRow>).rows);
    return 0;
  };
}

/** The outbox insert's prepared-statement name (its text never changes). */
const OUTBOX_INSERT_STATEMENT = "switchboard_outbox_insert";

/**
 * The adapter as its `startTransaction` should see it: its pool handing out connections through
 * `transactionConnection` (BEGIN held back for the first statement). The adapter itself where its
 * pool is not where this adapter version keeps it.
 */
function withTransactionConnections(adapter: Adapter): Adapter {
  const pool = (adapter as unknown as { client?: Pick<pg.Pool, "connect"> }).client;
  if (typeof pool?.connect !== "function") return adapter;
  const connect = async () => transactionConnection(await pool.connect());
  return Object.create(adapter, { client: { value: { connect } } }) as Adapter;
}

/**
 * The adapter Prisma uses: interactive transactions' statements take turns, and inside a pinned
 * transaction's scope (`runPinned`) ordinary calls join it, a transaction Prisma starts for one of
 * them becoming a savepoint.
 */
function serialAdapter(adapter: Adapter): Adapter {
  const starting = withTransactionConnections(adapter);
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "startTransaction") {
        const start = value as Adapter["startTransaction"];
        return async (...args: Parameters<Adapter["startTransaction"]>) => {
          const pinned = pinnedOf(receiver as object);
          if (pinned) return pinned.nested();
          const outbox = batchStorage.getStore();
          return serialTransaction(await start.apply(starting, args), outbox);
        };
      }
      const method = value as (...a: unknown[]) => unknown;
      if (STATEMENTS.has(prop)) {
        const name = prop as "queryRaw" | "executeRaw";
        return (...args: unknown[]) => {
          const pinned = pinnedOf(receiver as object);
          return pinned ? (pinned.current()[name] as (...a: unknown[]) => unknown)(...args) : method.apply(target, args);
        };
      }
      return method.bind(target);
    }
  });
}

const HANDLE = Symbol("switchboard.adapterHandle");

/** The pg adapter factory, with every interactive transaction's statements run one at a time. */
export function withSerialTransactions(factory: PrismaPg): PrismaPg {
  const handle: AdapterHandle = {};
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === HANDLE) return handle;
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === "connect" && typeof value === "function") {
        const connect = value as PrismaPg["connect"];
        return async () => (handle.adapter = serialAdapter(await connect.apply(target)));
      }
      if (prop === "connectToShadowDb" && typeof value === "function") {
        const connect = value as PrismaPg["connectToShadowDb"];
        return async () => serialAdapter(await connect.apply(target));
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    }
  });
}

/** Where the adapter of a factory `withSerialTransactions` made is, once Prisma connects it. */
export function adapterHandleOf(factory: PrismaPg): AdapterHandle | undefined {
  const handle: unknown = Reflect.get(factory, HANDLE);
  return handle as AdapterHandle | undefined;
}
