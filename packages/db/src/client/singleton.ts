import { createDatabase, type Database, type DbTarget } from "./create-client";

// One handle per process, kept on globalThis: when the web app and the realtime server share a
// process (embedded mode), Next's bundled copy of this module and the server's copy must share
// the same connection — a PGlite folder may be opened only once.
const KEY = Symbol.for("switchboard.database");
type Holder = { [KEY]?: Database };

export function initDatabase(target: DbTarget): Database {
  const holder = globalThis as Holder;
  holder[KEY] ??= createDatabase(target);
  return holder[KEY];
}

export function getDatabase(): Database {
  const db = (globalThis as Holder)[KEY];
  if (!db) throw new Error("database not initialised: call initDatabase() at startup");
  return db;
}

export function hasDatabase(): boolean {
  return (globalThis as Holder)[KEY] !== undefined;
}
