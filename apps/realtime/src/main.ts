import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { onShutdown } from "@switchboard/config";
import { initDatabase } from "@switchboard/db";
import { startEventPipeline } from "@switchboard/realtime";
import { pino } from "pino";
import { loadRealtimeConfig } from "./env";

/** The standalone realtime node (cluster topology): configuration in, then listen. */
async function main(): Promise<void> {
  const config = loadRealtimeConfig();
  const logger = pino({ level: config.logLevel, base: { service: "realtime" } });
  const database = initDatabase({ kind: "postgres", url: config.databaseUrl, poolSize: config.databasePoolSize });

  // Filled in once the realtime server exists; Socket.IO must attach to an existing http server.
  const ops: { handle?: (req: IncomingMessage, res: ServerResponse) => boolean } = {};
  const server = createServer((req, res) => {
    if (ops.handle?.(req, res)) return;
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
  });
  const pipeline = await startEventPipeline({
    database,
    logger,
    retention: config.retention,
    activityRetentionDays: config.activityRetentionDays,
    redis: { url: config.redisUrl, keyPrefix: config.redisKeyPrefix },
    // The cluster's publisher: woken by each commit's NOTIFY; several nodes share the work by per-organization locks.
    relay: config.relay,
    realtime: {
      httpServer: server,
      authSecret: config.authSecret,
      nodeId: config.nodeId,
      options: { corsOrigins: config.corsOrigins, presenceTtlMs: config.presenceTtlMs, ...config.socketCaps, processMetrics: true, opsToken: config.opsToken }
    }
  });
  const realtime = pipeline.realtime;
  if (!realtime) throw new Error("the event pipeline started without its realtime server");
  ops.handle = realtime.handleOpsRequest;
  // Socket.IO leaves foreign upgrade requests alone (destroyUpgrade: false); here nothing else wants them.
  server.on("upgrade", (req, socket) => {
    if (!(req.url ?? "").startsWith(realtime.options.path)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen({ port: config.port, host: config.host, backlog: config.listenBacklog }, resolve));
  logger.info({ port: config.port, host: config.host, nodeId: realtime.nodeId }, "realtime node listening");

  onShutdown(logger, async () => {
    server.close();
    await pipeline.close();
    await database.close();
    server.closeAllConnections();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
