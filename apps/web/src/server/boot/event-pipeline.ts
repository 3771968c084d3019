import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { authorizeOpsRequest } from "@switchboard/config";
import { startEventPipeline } from "@switchboard/realtime";
import type { WebRuntime } from "../web-runtime";

export interface WebEventPipeline {
  /** GET /realtime/healthz|readyz|stats|metrics in embedded mode; false = not ours. */
  handleOpsRequest(req: IncomingMessage, res: ServerResponse): boolean;
  close(): Promise<void>;
}

/**
 * The web process's event pipeline. Embedded (no REDIS_URL): an in-memory log, the relay and the
 * realtime server on this very HTTP server. Cluster: no relay here, so publishing never competes
 * with request handling; the realtime nodes' relays, woken by PostgreSQL NOTIFY, publish to Redis.
 */
export async function startWebEventPipeline(
  runtime: WebRuntime,
  httpServer: HttpServer,
  logger: Logger,
  /** More sections for GET /realtime/stats (e.g. `pbx` when this process runs PBX ingestion). */
  extraStats: () => Record<string, unknown> = () => ({})
): Promise<WebEventPipeline> {
  const { config, database } = runtime;
  const pipeline = await startEventPipeline({
    database,
    logger,
    retention: config.retention,
    activityRetentionDays: config.activityRetentionDays,
    relay: config.embeddedRealtime,
    ...(config.redisUrl ? { redis: { url: config.redisUrl, keyPrefix: config.redisKeyPrefix } } : {}),
    ...(config.embeddedRealtime ? { realtime: { httpServer, authSecret: config.authSecret, options: { opsToken: config.opsToken } } } : {})
  });
  const { realtime } = pipeline;

  return {
    handleOpsRequest(req, res) {
      if (!realtime || !(req.url ?? "").startsWith("/realtime/")) return false;
      if ((req.url ?? "").split("?")[0] === "/realtime/stats" && req.method === "GET") {
        if (!authorizeOpsRequest(req, res, config.opsToken)) return true;
        res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ ...realtime.stats(), ...extraStats() }));
        return true;
      }
      return realtime.handleOpsRequest(req, res);
    },
    close: () => pipeline.close()
  };
}
