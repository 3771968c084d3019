import { createServer, type Server } from "node:http";
import { pino } from "pino";
import { createSecretBox } from "@switchboard/auth";
import { createDatabase } from "@switchboard/db";
import { EgressGuard, egressPolicyFor } from "@switchboard/egress";
import { ConnectorSupervisor } from "../ami/connector-supervisor";
import { serveCallControl } from "../control/call-control-bus";
import { buildPbxStats, createPbxOpsHandler } from "../ops/pbx-stats";
import { loadConnectConfig } from "./env";

/**
 * npm run connect -w @switchboard/pbx
 *
 * Keeps an AMI connection to every enabled PBX configured in the console, feeding calls and
 * statuses into the database (and so to every console). With REDIS_URL it also answers the web
 * app's call control (hang up, transfer) over Redis. GET /healthz and /stats on PBX_OPS_PORT.
 * Stops cleanly on SIGINT/SIGTERM.
 */
const config = loadConnectConfig();
const log = pino({ level: config.logLevel, base: { service: "pbx-connect" } });
const database = createDatabase(config.database);
const egress = new EgressGuard(
  egressPolicyFor({
    ...config.outbound,
    databaseUrl: config.database.kind === "postgres" ? config.database.url : undefined,
    redisUrl: config.redisUrl,
    localPorts: config.opsPort ? [config.opsPort] : []
  })
);
const supervisor = new ConnectorSupervisor({ db: database.client, box: createSecretBox(config.secretsKey), log, egress });
let control: { close(): Promise<void> } | undefined;
let ops: Server | undefined;
try {
  await database.migrate();
  await supervisor.start();
  if (config.redisUrl) {
    control = await serveCallControl(supervisor, { url: config.redisUrl, keyPrefix: config.redisKeyPrefix, log });
    log.info("answering call control over Redis");
  } else {
    log.warn("no REDIS_URL: the web app cannot reach this process for call control");
  }
  if (config.opsPort > 0) {
    const handle = createPbxOpsHandler(() => buildPbxStats({ supervisor }), config.opsToken);
    const server = createServer((req, res) => {
      if (!handle(req, res)) res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    });
    ops = server;
    await new Promise<void>((resolve) => server.listen(config.opsPort, config.opsHost, resolve));
    log.info({ port: config.opsPort }, "ops endpoints: /healthz, /stats");
  }
  log.info("AMI connectors running");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
} catch (error) {
  log.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  ops?.close();
  await control?.close();
  await supervisor.stop();
  await database.close();
}
