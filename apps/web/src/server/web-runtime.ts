import { peekProcessSingleton, processSingleton } from "@switchboard/config";
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

// Kept free of "server-only" so server.ts (plain Node) can boot it (migrations, relay, realtime)
// before Next handles a request; Next's bundle only ever reads the same process singleton.
export function createWebRuntime(config: WebConfig): WebRuntime {
  return processSingleton("web-runtime", () => {
    const database = initDatabase(config.database);
    const box = createSecretBox(config.secretsKey);
    return { config, database, db: database.client, box, services: { db: database.client, box } };
  });
}

export function getRuntime(): WebRuntime {
  return peekProcessSingleton<WebRuntime>("web-runtime") ?? createWebRuntime(loadWebConfig());
}
