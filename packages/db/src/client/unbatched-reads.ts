import type { RawTx } from "../outbox/context";

type Method = (args?: Record<string, unknown>) => Promise<unknown>;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * A unique `where` as a filter findFirst accepts: a compound key (`queueId_extensionId: { queueId,
 * extensionId }`, Prisma's name for it being its fields joined by "_") becomes its fields.
 */
export function flattenUniqueWhere(where: unknown): unknown {
  if (!isPlainObject(where)) return where;
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(where)) {
    const compound = isPlainObject(value) && Object.keys(value).join("_") === key;
    if (compound) Object.assign(flat, value);
    else flat[key] = value;
  }
  return flat;
}

const UNIQUE_READS: Readonly<Record<string, string>> = { findUnique: "findFirst", findUniqueOrThrow: "findFirstOrThrow" };

/**
 * `client` with every model's findUnique / findUniqueOrThrow made as findFirst / findFirstOrThrow.
 * Prisma gathers the findUnique calls that any callers make in one tick into one query and runs it
 * in the async context of whichever started it. Calls that join a pinned transaction through that
 * context (`pinned-transactions.ts`) must not be gathered: a read of a row the transaction wrote
 * would run outside it and not find the row, and another caller's read would run inside it.
 * findFirst is never gathered, and for a unique filter returns the same row.
 */
export function unbatchedReads(client: object): RawTx {
  const delegates = new Map<PropertyKey, unknown>();
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof prop !== "string" || prop.startsWith("$") || !isPlainObjectLike(value)) {
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      }
      let delegate = delegates.get(prop);
      if (!delegate) {
        delegate = unbatchedDelegate(value);
        delegates.set(prop, delegate);
      }
      return delegate;
    }
  }) as RawTx;
}

const isPlainObjectLike = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;

function unbatchedDelegate(delegate: Record<string, unknown>): unknown {
  return new Proxy(delegate, {
    get(target, prop) {
      const instead = typeof prop === "string" ? UNIQUE_READS[prop] : undefined;
      if (!instead) return Reflect.get(target, prop, target);
      const read = Reflect.get(target, instead, target) as Method;
      return (args: Record<string, unknown> = {}) => read.call(target, { ...args, where: flattenUniqueWhere(args.where) });
    }
  });
}
