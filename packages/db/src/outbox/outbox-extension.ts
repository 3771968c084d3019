import { EventEmitter } from "node:events";
import { runPinned, type AdapterHandle, type IsolationLevel } from "../client/pinned-transactions";
import { unbatchedReads } from "../client/unbatched-reads";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { delegateOf, txStorage, type RawTx, type TxContext } from "./context";
import { eventModelOf } from "./event-models";
import { hookedWrite, WRITE_OPERATIONS } from "./hooked-write";
import { batchStorage, OutboxBatch, type PendingEvent } from "./outbox-batch";
import { insertQueuedEvents } from "./write-events";

type TxOptions = { maxWait?: number; timeout?: number; isolationLevel?: Prisma.TransactionIsolationLevel };

/** Prisma's isolation levels as PostgreSQL names them (what the driver adapter sets). */
const ISOLATION_LEVELS: Readonly<Record<Prisma.TransactionIsolationLevel, IsolationLevel>> = {
  ReadUncommitted: "READ UNCOMMITTED",
  ReadCommitted: "READ COMMITTED",
  RepeatableRead: "REPEATABLE READ",
  Serializable: "SERIALIZABLE"
};

/** Emits "committed" with the events of each transaction, after it commits (never on rollback). */
export class CommitNotifier extends EventEmitter<{ committed: [PendingEvent[]] }> {}

/**
 * The CRUD hooks: a Prisma Client extension that turns every write of an event-bearing model into
 * outbox rows in the same transaction, whichever code path made it. Writes outside a transaction
 * get one of their own. Inside `$transaction(fn)`, every model call made through the client joins
 * the ambient transaction (tracked with AsyncLocalStorage), so the change and its events commit or
 * roll back together. Transactions are started on the adapter itself (`runPinned`) where `adapter`
 * says where it is, instead of as Prisma interactive transactions.
 */
export function withOutbox(base: PrismaClient, notifier: CommitNotifier, adapter?: AdapterHandle) {
  /** The client a pinned transaction's calls are made through: ordinary calls, none of them gathered with another caller's. */
  const pinnedCalls = unbatchedReads(base);

  /**
   * Runs `fn` in a transaction: one started on the adapter itself (`runPinned`) where `adapter` says
   * where it is, else (the embedded database) a Prisma interactive transaction. Either way the
   * hooks' outbox rows commit with it and are announced once it has.
   */
  async function runInTx<T>(fn: (ctx: TxContext) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const limits = { maxWait: options.maxWait ?? 10_000, timeout: options.timeout ?? 20_000 };
    if (adapter && !adapter.adapter) await base.$connect();
    const connected = adapter?.adapter;
    const isolationLevel = options.isolationLevel && ISOLATION_LEVELS[options.isolationLevel];
    const outbox = new OutboxBatch();
    const inTx = async (ctx: TxContext) => {
      // Awaited in the scope: a lazy Prisma promise that fn returns starts in the transaction.
      const value = await txStorage.run(ctx, async () => await fn(ctx));
      await insertQueuedEvents(ctx);
      return value;
    };
    const result = connected
      ? await runPinned(connected, outbox, () => inTx({ tx: pinnedCalls, outbox }), { ...limits, ...(isolationLevel ? { isolationLevel } : {}) })
      : await batchStorage.run(outbox, () => base.$transaction((rawTx) => inTx({ tx: rawTx as unknown as RawTx, outbox }), { ...options, ...limits }));
    if (outbox.events.length > 0) notifier.emit("committed", outbox.events);
    return result;
  }

  const extended = base.$extends({
    name: "switchboard-outbox",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          const ctx = txStorage.getStore();
          const eventModel = eventModelOf(model);
          if (eventModel && WRITE_OPERATIONS.has(operation)) {
            const input = (args ?? {}) as Record<string, unknown>;
            if (ctx) return hookedWrite(ctx, model, eventModel, operation, input);
            return runInTx((fresh) => hookedWrite(fresh, model, eventModel, operation, input));
          }
          if (ctx) return delegateOf(ctx.tx, model)[operation]?.(args);
          return query(args);
        }
      }
    },
    client: {
      $transaction(arg: unknown, options?: TxOptions): Promise<unknown> {
        const ambient = txStorage.getStore();
        if (typeof arg === "function") {
          const fn = arg as (tx: unknown) => Promise<unknown>;
          if (ambient) return fn(facade(ambient));
          return runInTx((ctx) => fn(facade(ctx)), options);
        }
        if (!Array.isArray(arg)) throw new TypeError("$transaction expects a function or an array of queries");
        // Batch form: the queries are lazy, so awaiting them inside the ambient context runs them
        // in one interactive transaction, with hooks.
        const runAll = async () => {
          const results: unknown[] = [];
          for (const q of arg) results.push(await q);
          return results;
        };
        return ambient ? runAll() : runInTx(runAll, options);
      }
    }
  });

  /** What `$transaction(fn)` hands to fn: models via the hooked client, `$raw` methods via the tx. */
  function facade(ctx: TxContext): unknown {
    return new Proxy(extended, {
      get(target, prop, receiver) {
        if (typeof prop === "string" && prop.startsWith("$") && prop !== "$transaction" && prop in ctx.tx) {
          const value = ctx.tx[prop];
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(ctx.tx) : value;
        }
        return Reflect.get(target, prop, receiver);
      }
    });
  }

  return extended as unknown as OutboxClient<typeof extended>;
}

export type DenyInTx = "$transaction" | "$connect" | "$disconnect" | "$extends" | "$on";

/** The hooked client with `$transaction` typed as Prisma's, handing fn a hooked tx client. */
type OutboxClient<E> = Omit<E, "$transaction"> & {
  $transaction<R>(fn: (tx: Omit<E, DenyInTx>) => Promise<R>, options?: TxOptions): Promise<R>;
  $transaction<P extends Prisma.PrismaPromise<unknown>[]>(queries: [...P], options?: TxOptions): Promise<{ [K in keyof P]: Awaited<P[K]> }>;
};
