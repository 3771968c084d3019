import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { initDatabase } from "@switchboard/db";
import { createRelay, RedisEventLog } from "@switchboard/events";
import { pino } from "pino";
import { createRealtimeServer } from "./create-realtime-server";
import { loadRealtimeConfig } from "./env";

/** The standalone realtime node (cluster mode): env → database, event log, relay, Socket.IO, listen. */
async function main(): Promise<void> {
  const config = loadRealtimeConfig();
  const logger = pino({ level: config.logLevel, base: { service: "realtime" } });
  const database = initDatabase({ kind: "postgres", url: config.databaseUrl, poolSize: config.databasePoolSize });
  const log = new RedisEventLog({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix, retention: config.retention, logger });
  await log.start();
  // Safety net: publishes rows a crashed writer left behind, even if no web process is running.
  const relay = createRelay({ database, log, logger });
  relay.start();

  // Filled in once the realtime server exists; Socket.IO must attach to an existing http server.
  const ops: { handle?: (req: IncomingMessage, res: ServerResponse) => boolean } = {};
  const server = createServer((req, res) => {
    if (ops.handle?.(req, res)) return;
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
  });
  const realtime = createRealtimeServer(server, {
    database,
    log,
    authSecret: config.authSecret,
    redis: { url: config.redisUrl, keyPrefix: config.redisKeyPrefix },
    logger,
    nodeId: config.nodeId,
    relay,
    options: { corsOrigins: config.corsOrigins, presenceTtlMs: config.presenceTtlMs, processMetrics: true }
  });
  ops.handle = realtime.handleOpsRequest;
  // Socket.IO leaves foreign upgrade requests alone (destroyUpgrade: false); here nothing else wants them.
  server.on("upgrade", (req, socket) => {
    if (!(req.url ?? "").startsWith(realtime.options.path)) socket.destroy();
  });
  await realtime.ready();
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  logger.info({ port: config.port, host: config.host, nodeId: realtime.nodeId }, "realtime node listening");

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close();
    await realtime.close({ graceful: true });
    await relay.stop();
    await log.close();
    await database.close();
    server.closeAllConnections();
    logger.info("stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
