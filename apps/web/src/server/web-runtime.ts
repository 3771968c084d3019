import { peekProcessSingleton, processSingleton } from "@switchboard/config";
import { createSecretBox, type SecretBox } from "@switchboard/auth";
import { initDatabase, type Database, type DbClient, type ServiceDeps } from "@switchboard/db";
import { EgressGuard, egressPolicyFor } from "@switchboard/egress";
import { loadWebConfig, type WebConfig } from "../env";
import { createRequestLimits, type RequestLimits } from "./request-limits";

export interface WebRuntime {
  config: WebConfig;
  database: Database;
  db: DbClient;
  box: SecretBox;
  /** Where outgoing connections (webhooks, the AMI) may go. */
  egress: EgressGuard;
  services: ServiceDeps & { egress: EgressGuard };
  /** REST and PBX webhook rate limits (Redis-backed in the cluster). */
  limits: RequestLimits;
}

// Kept free of "server-only" so server.ts (plain Node) can boot it (migrations, relay, realtime)
// before Next handles a request; Next's bundle only ever reads the same process singleton.
export function createWebRuntime(config: WebConfig): WebRuntime {
  return processSingleton("web-runtime", () => {
    const database = initDatabase(config.database);
    const box = createSecretBox(config.secretsKey);
    const egress = new EgressGuard(
      egressPolicyFor({
        ...config.outbound,
        databaseUrl: config.database.kind === "postgres" ? config.database.url : undefined,
        redisUrl: config.redisUrl,
        localPorts: [config.port]
      })
    );
    const limits = createRequestLimits(config.requestLimits, config.redisUrl ? { url: config.redisUrl, keyPrefix: config.redisKeyPrefix } : undefined);
    return { config, database, db: database.client, box, egress, services: { db: database.client, box, egress }, limits };
  });
}

export function getRuntime(): WebRuntime {
  return peekProcessSingleton<WebRuntime>("web-runtime") ?? createWebRuntime(loadWebConfig());
}
