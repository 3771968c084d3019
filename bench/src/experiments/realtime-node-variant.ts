import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { initDatabase } from "@switchboard/db";
import { createRelay, RedisEventLog } from "@switchboard/events";
import { createRealtimeServer } from "@switchboard/realtime";
import { loadRealtimeConfig } from "@switchboard/realtime/env";
import { pino } from "pino";
import { nodeRelayVariant } from "../env";

/**
 * EXPERIMENT (`--node-relay off`): apps/realtime/src/main.ts line for line, except that the
 * node's safety-net relay can be left out, to measure what racing the writer's relay for fresh
 * outbox rows costs (see NOTES.md). The default bench runs the real main.ts.
 */
async function main(): Promise<void> {
  const config = loadRealtimeConfig();
  const logger = pino({ level: config.logLevel, base: { service: "realtime" } });
  const database = initDatabase({ kind: "postgres", url: config.databaseUrl, poolSize: config.databasePoolSize });
  const log = new RedisEventLog({ url: config.redisUrl, keyPrefix: config.redisKeyPrefix, retention: config.retention, logger });
  await log.start();
  const relay = nodeRelayVariant() === "off" ? undefined : createRelay({ database, log, logger });
  relay?.start();
  const ops: { handle?: (req: IncomingMessage, res: ServerResponse) => boolean } = {};
  const server = createServer((req, res) => {
    if (ops.handle?.(req, res)) return;
    res.writeHead(404).end();
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
  server.on("upgrade", (req, socket) => {
    if (!(req.url ?? "").startsWith(realtime.options.path)) socket.destroy();
  });
  await realtime.ready();
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const shutdown = async () => {
    server.close();
    await realtime.close({ graceful: true });
    await relay?.stop();
    await log.close();
    await database.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
