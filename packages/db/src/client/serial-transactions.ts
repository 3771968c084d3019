import type { PrismaPg } from "@prisma/adapter-pg";

type Adapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

const STATEMENTS: ReadonlySet<PropertyKey> = new Set(["queryRaw", "executeRaw"]);

/**
 * An interactive transaction is one pg connection, but Prisma hands it statements concurrently:
 * its query interpreter loads an `include`'s relations with Promise.all, and callers start reads
 * together inside one transaction (a service's rows and count, a snapshot's several lists). pg
 * then queues them itself, which it deprecates ("client.query() when the client is already
 * executing a query") and will refuse in pg 9. So each transaction's statements take turns here.
 */
function serialTransaction(tx: Transaction): Transaction {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const result = tail.then(run);
    tail = result.then(
      () => undefined,
      () => undefined
    );
    return result;
  };
  return new Proxy(tx, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      // Savepoints call this.executeRaw: with the proxy as `this` they queue like any statement.
      if (STATEMENTS.has(prop)) return (...args: unknown[]) => inTurn(() => method.apply(target, args));
      return (...args: unknown[]) => method.apply(receiver, args);
    }
  });
}

function serialAdapter(adapter: Adapter): Adapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (prop === "startTransaction" && typeof value === "function") {
        const start = value as Adapter["startTransaction"];
        return async (...args: Parameters<Adapter["startTransaction"]>) => serialTransaction(await start.apply(target, args));
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    }
  });
}

/** The pg adapter factory, with every interactive transaction's statements run one at a time. */
export function withSerialTransactions(factory: PrismaPg): PrismaPg {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if ((prop === "connect" || prop === "connectToShadowDb") && typeof value === "function") {
        const connect = value as PrismaPg["connect"];
        return async () => serialAdapter(await connect.apply(target));
      }
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    }
  });
}
