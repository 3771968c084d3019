/**
 * Values there must be exactly one of per process. In the embedded topology the web app's
 * server.ts and Next's bundle load separate copies of the same modules; anything both must share
 * (the database handle — a PGlite folder may be opened once —, the outbox's async contexts, the
 * call-control gateway, webhook counters) lives on globalThis under one of these names.
 */
export type ProcessSingletonName =
  "database" | "outbox.tx" | "outbox.actor" | "outbox.batch" | "db.pinned" | "web-runtime" | "call-control-gateway" | "pbx-webhook-stats" | "integrations";

const keyOf = (name: ProcessSingletonName) => Symbol.for(`switchboard.${name}`);
const holder = globalThis as Record<symbol, unknown>;

/** The process's value for `name`, made by `create` the first time any copy asks. */
export function processSingleton<T>(name: ProcessSingletonName, create: () => T): T {
  const key = keyOf(name);
  if (!(key in holder)) holder[key] = create();
  return holder[key] as T;
}

/** The value if some copy has made it already. */
export function peekProcessSingleton<T>(name: ProcessSingletonName): T | undefined {
  return holder[keyOf(name)] as T | undefined;
}

export function setProcessSingleton<T>(name: ProcessSingletonName, value: T | undefined): void {
  if (value === undefined) delete holder[keyOf(name)];
  else holder[keyOf(name)] = value;
}
