import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";
import { writeTogether } from "./write-together";

type QueryArgs = unknown[];
type Query = (...args: QueryArgs) => unknown;

/** What a statement held back resolves with once it is on the wire. */
interface Held {
  args: QueryArgs;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

/** The SQL of a promise-style query (`query(text[, values])` or `query({ text, values })`: what can be held back), else undefined. */
function promiseStyleText(args: QueryArgs): string | undefined {
  if (args.some((a) => typeof a === "function")) return undefined;
  const [first] = args;
  if (typeof first === "string") return first;
  return isRecord(first) && typeof first.text === "string" && typeof first.submit !== "function" ? first.text : undefined;
}

/** Whether a query carries parameter values. */
function hasValues(args: QueryArgs): boolean {
  const [first, values] = args;
  const list = isRecord(first) && first.values !== undefined ? first.values : values;
  return Array.isArray(list) && list.length > 0;
}

/** pg's answer to a statement that did nothing on the server (the transaction had not begun there). */
function emptyResult(command: string): pg.QueryResult {
  return { command, rowCount: null, oid: 0, fields: [], rows: [] };
}

/**
 * The statements of one gathering window (`TransactionConnection.together`): those made in its
 * async scope are held back and sent together, in the order they were made.
 */
class Gathering {
  readonly held: Held[] = [];
  open = true;
  private waiter?: { count: number; wake: () => void };

  constructor(readonly connection: TransactionConnection) {}

  hold(args: QueryArgs): Promise<unknown> {
    const result = new Promise<unknown>((resolve, reject) => this.held.push({ args, resolve, reject }));
    if (this.waiter && this.held.length >= this.waiter.count) this.waiter.wake();
    return result;
  }

  /** Resolves once `count` statements are held (one wait at a time: `together` waits for each call in turn). */
  reached(count: number): Promise<void> {
    if (this.held.length >= count) return Promise.resolve();
    return new Promise((wake) => (this.waiter = { count, wake }));
  }
}

const gatherings = new AsyncLocalStorage<Gathering>();

/** Starts a lazy (Prisma) promise inside the current async scope and settles as it does. */
const started = <T>(make: () => PromiseLike<T>): Promise<T> => Promise.resolve().then(make);

/**
 * One interactive transaction's pool connection, in pg's pipeline mode (statements go on the wire
 * without waiting for the ones before them to be answered; PostgreSQL still runs and answers them
 * in order, each with its own result or error):
 *
 * - BEGIN is held back and written with the transaction's first statement, so the two cost one
 *   wakeup of the server; a transaction that ends before any statement sends nothing at all;
 * - `together` holds back the statements of two calls and writes them at once (a hooked update's
 *   read of the row before and the update itself).
 *
 * Each wakeup of an idle backend costs PostgreSQL more than a small statement does, so under a
 * steady stream of changes fewer writes per transaction is fewer CPU.
 */
export class TransactionConnection {
  private beginHeld = false;
  private began = false;

  constructor(private readonly client: pg.PoolClient) {}

  query(...args: QueryArgs): unknown {
    const text = promiseStyleText(args);
    const bare = text !== undefined && !hasValues(args) ? text : undefined;
    if (bare === "BEGIN" && !this.began) {
      this.began = true;
      this.beginHeld = true;
      return Promise.resolve(emptyResult("BEGIN"));
    }
    if (this.beginHeld && (bare === "COMMIT" || bare === "ROLLBACK")) {
      this.beginHeld = false;
      return Promise.resolve(emptyResult(bare));
    }
    if (text !== undefined && this.gathersNow()) return gatherings.getStore()?.hold(args);
    return this.queryTogether([args])[0];
  }

  /** Whether a statement made now belongs to an open gathering window of this connection. */
  gathersNow(): boolean {
    const gathering = gatherings.getStore();
    return gathering?.open === true && gathering.connection === this;
  }

  /**
   * Runs `first` and then `second` (Prisma calls, each making one statement first) with their first
   * statements written together, in the transaction's turn (`inTurn`: after the statements before
   * them). `first`'s statement always goes before `second`'s: `second` is not called before it is
   * held (or `first` has settled without one). Returns both results; the second's error wins, as it
   * is the write's.
   */
  async together<A, B>(first: () => PromiseLike<A>, second: () => PromiseLike<B>, inTurn: (run: () => Promise<unknown>) => unknown): Promise<[A, B]> {
    const gathering = new Gathering(this);
    const inScope = <T>(make: () => PromiseLike<T>): Promise<T> => gatherings.run(gathering, () => started(make));
    const a = inScope(first);
    await Promise.race([gathering.reached(1), a.then(noop, noop)]);
    const heldBefore = gathering.held.length;
    const b = inScope(second);
    await Promise.race([gathering.reached(heldBefore + 1), b.then(noop, noop)]);
    gathering.open = false;
    inTurn(() => {
      const results = this.queryTogether(gathering.held.map((h) => h.args));
      gathering.held.forEach((h, i) => Promise.resolve(results[i]).then(h.resolve, h.reject));
      return Promise.allSettled(results);
    });
    const [ra, rb] = await Promise.allSettled([a, b]);
    if (rb.status === "rejected") throw rb.reason;
    if (ra.status === "rejected") throw ra.reason;
    return [ra.value, rb.value];
  }

  /** Hands the statements (after BEGIN, if it is still held) to pg at once; their results in order. */
  queryTogether(list: QueryArgs[]): unknown[] {
    const query = this.client.query.bind(this.client) as Query;
    return writeTogether(this.client, () => {
      let begin: Promise<unknown> | undefined;
      if (this.beginHeld) {
        this.beginHeld = false;
        begin = query("BEGIN") as Promise<unknown>;
        begin.catch(noop);
      }
      return list.map((args) => {
        const result = query(...args);
        if (!begin || !(result instanceof Promise)) return result;
        return Promise.all([begin, result]).then(([, r]) => r as unknown);
      });
    });
  }
}

function noop(): void {}

const CONNECTION = Symbol("switchboard.transactionConnection");

/**
 * The pool connection a transaction is started on, with `query` through a TransactionConnection;
 * as it is, if the pool is not in pipeline mode (holding a statement back would then only queue).
 */
export function transactionConnection(client: pg.PoolClient): pg.PoolClient {
  if ((client as unknown as { pipeline?: boolean }).pipeline !== true) return client;
  const connection = new TransactionConnection(client);
  const query = connection.query.bind(connection);
  return new Proxy(client, {
    get(target, prop) {
      if (prop === CONNECTION) return connection;
      if (prop === "query") return query;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    }
  });
}

/** The TransactionConnection behind a connection `transactionConnection` made, if it is one. */
export function transactionConnectionOf(client: unknown): TransactionConnection | undefined {
  if (!isRecord(client)) return undefined;
  const connection: unknown = Reflect.get(client, CONNECTION);
  return connection instanceof TransactionConnection ? connection : undefined;
}
