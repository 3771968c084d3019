import { createSecretBox, type SecretBox } from "@switchboard/auth";
import { initDatabase, type Database, type DbClient, type ServiceDeps } from "@switchboard/db";
import { loadWebConfig, type WebConfig } from "../env";

export interface WebRuntime {
  config: WebConfig;
  database: Database;
  db: DbClient;
  box: SecretBox;
  services: ServiceDeps;
}

// Kept free of "server-only" so server.ts (plain Node) can boot it. Shared through globalThis with server.ts, which boots it (migrations, relay, realtime) before
// Next handles a request; Next's bundle only ever reads it.
const KEY = Symbol.for("switchboard.web-runtime");
type Holder = { [KEY]?: WebRuntime };

export function createWebRuntime(config: WebConfig): WebRuntime {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  const database = initDatabase(config.database);
  const box = createSecretBox(config.secretsKey);
  const runtime: WebRuntime = { config, database, db: database.client, box, services: { db: database.client, box } };
  holder[KEY] = runtime;
  return runtime;
}

export function getRuntime(): WebRuntime {
  return (globalThis as Holder)[KEY] ?? createWebRuntime(loadWebConfig());
}
