import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pino } from "pino";
import { onShutdown, trackRequests } from "@switchboard/config";
import { exportProcessEnv, loadWebConfig } from "./src/env";
import { startWebEventPipeline, type WebEventPipeline } from "./src/server/boot/event-pipeline";
import { startWebIntegrations, type WebIntegrations } from "./src/server/boot/integrations";
import { startPbxServices, type PbxServices } from "./src/server/boot/pbx-services";
import { exitUnlessStartable, listenOrExit } from "./src/server/boot/preflight";
import { seedDemoIfEmpty } from "./src/server/boot/seed-demo";
import { formatStartBanner, publicUrl } from "./src/server/boot/start-banner";
import { stampRequestHeaders } from "./src/server/client-ip";
import { stampTransportSecurity } from "./src/server/security/transport-security";
import { createWebRuntime } from "./src/server/web-runtime";

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Of onShutdown's 10 s: requests in flight first, then the realtime drain and the rest. */
const REQUEST_DRAIN_MS = 5_000;

/**
 * The web app's process: migrations, demo seed, Next.js and — without Redis — the outbox relay and
 * the realtime server, all on one port. `npm start` runs it with tsx.
 */
async function main(): Promise<void> {
  const config = loadWebConfig();
  await exitUnlessStartable(config);
  exportProcessEnv(config);
  // One stream for the JSON log and the start banner, so the banner lands after the lines before it.
  const stdout = pino.destination(1);
  const logger = pino({ level: config.logLevel, base: { service: "web" } }, stdout);
  const runtime = createWebRuntime(config);
  const migrated = await runtime.database.migrate();
  logger.info({ database: config.database.kind, migrations: migrated }, "database ready");
  const { demo } = await seedDemoIfEmpty(runtime, logger);

  const ready: { handleNext?: Handler; pipeline?: WebEventPipeline; pbx?: PbxServices; jobs?: WebIntegrations } = {};
  // The request listener exists before Socket.IO attaches, so Socket.IO sees and skips it for /socket.io.
  const httpServer = createServer((req, res) => {
    if (ready.pipeline?.handleOpsRequest(req, res)) return;
    if (ready.pbx?.handleOpsRequest(req, res)) return;
    if (ready.jobs?.handleOpsRequest(req, res)) return;
    const handleNext = ready.handleNext;
    if (!handleNext) {
      res.writeHead(503, { "content-type": "text/plain", "retry-after": "1" }).end("starting");
      return;
    }
    stampRequestHeaders(req, config.trustProxy);
    stampTransportSecurity(req, res);
    handleNext(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, "request failed");
      if (!res.headersSent) res.writeHead(500).end("internal error");
    });
  });

  const requests = trackRequests(httpServer);

  const { default: next } = await import("next");
  // The app's folder: this file's, or its parent's when it runs compiled from dist/ (the image).
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.basename(here) === "dist" ? path.dirname(here) : here;
  const app = next({ dev: config.dev, dir, hostname: config.host, port: config.port, httpServer });
  await app.prepare();
  ready.handleNext = app.getRequestHandler();
  const pipeline = await startWebEventPipeline(runtime, httpServer, logger, () => (ready.pbx ? { pbx: ready.pbx.stats() } : {}));
  ready.pipeline = pipeline;
  const pbx = await startPbxServices(runtime, logger);
  ready.pbx = pbx;
  const jobs = await startWebIntegrations(runtime, logger);
  ready.jobs = jobs;

  await listenOrExit(httpServer, config);
  const url = publicUrl(config.host, config.port);
  logger.info({ url, realtime: config.embeddedRealtime ? "embedded" : "cluster" }, "Switchboard web listening");
  stdout.write(`\n${formatStartBanner({ url, demo, simulator: pbx.simulating })}\n`);

  onShutdown(logger, async () => {
    // New connections are refused (the load balancer moves on); requests in flight are answered
    // while everything they need is still running, within the process's shutdown budget.
    const { unfinished } = await requests.drain(REQUEST_DRAIN_MS);
    if (unfinished > 0) logger.warn({ unfinished }, "requests still unanswered at shutdown are cut off");
    // Running jobs finish (or go back to the queue) before the database closes.
    await jobs.close().catch((error: unknown) => logger.warn({ err: error }, "job queue did not close cleanly"));
    await pbx.close().catch((error: unknown) => logger.warn({ err: error }, "PBX services did not close cleanly"));
    await pipeline.close().catch((error: unknown) => logger.warn({ err: error }, "event pipeline did not close cleanly"));
    await app.close().catch(() => undefined);
    httpServer.closeAllConnections();
    await runtime.limits.close();
    await runtime.database.close();
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
