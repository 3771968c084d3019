import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { createRelay, MemoryEventLog, RedisEventLog, type EventLog } from "@switchboard/events";
import { createRealtimeServer, type RealtimeServer } from "@switchboard/realtime";
import type { WebRuntime } from "../web-runtime";

export interface EventPipeline {
  /** GET /realtime/healthz|readyz|stats|metrics in embedded mode; false = not ours. */
  handleOpsRequest(req: IncomingMessage, res: ServerResponse): boolean;
  close(): Promise<void>;
}

/**
 * Where committed changes go. Embedded (no REDIS_URL): an in-memory log and the realtime server on
 * this very HTTP server. Cluster: the relay publishes to Redis and separate realtime nodes deliver.
 */
export async function startEventPipeline(
  runtime: WebRuntime,
  httpServer: HttpServer,
  logger: Logger,
  /** More sections for GET /realtime/stats (e.g. `pbx` when this process runs PBX ingestion). */
  extraStats: () => Record<string, unknown> = () => ({})
): Promise<EventPipeline> {
  const { config, database } = runtime;
  const log: EventLog = config.embeddedRealtime
    ? new MemoryEventLog(config.retention)
    : new RedisEventLog({ url: config.redisUrl ?? "", keyPrefix: config.redisKeyPrefix, retention: config.retention, logger });
  await log.start();
  const relay = createRelay({ database, log, logger });

  let realtime: RealtimeServer | undefined;
  if (config.embeddedRealtime) {
    realtime = createRealtimeServer(httpServer, { database, log, authSecret: config.authSecret, logger, relay });
    await realtime.ready();
  }
  relay.start();
  logger.info({ mode: config.embeddedRealtime ? "embedded" : "cluster", log: log.kind }, "event pipeline started");

  return {
    handleOpsRequest(req, res) {
      if (!realtime || !(req.url ?? "").startsWith("/realtime/")) return false;
      if ((req.url ?? "").split("?")[0] === "/realtime/stats" && req.method === "GET") {
        res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
        res.end(JSON.stringify({ ...realtime.stats(), ...extraStats() }));
        return true;
      }
      return realtime.handleOpsRequest(req, res);
    },
    async close() {
      await realtime?.close({ graceful: true });
      await relay.stop();
      await log.close();
    }
  };
}
