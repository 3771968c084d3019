import { processSingleton } from "@switchboard/config";
import { createDatabase, type Database, type DbTarget } from "./create-client";

/** The process's one database handle (see ProcessSingletonName: a PGlite folder may be opened once). */
export function initDatabase(target: DbTarget): Database {
  return processSingleton("database", () => createDatabase(target));
}
