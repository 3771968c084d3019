import { createServer } from "node:http";
import { pino } from "pino";
import { createSecretBox } from "@switchboard/auth";
import { onShutdown } from "@switchboard/config";
import { initDatabase } from "@switchboard/db";
import { egressPolicyFor } from "@switchboard/egress";
import { createJobsOpsHandler, startIntegrations } from "@switchboard/integrations";
import { createInvitationSender } from "@switchboard/mail";
import { startEventPipeline } from "@switchboard/realtime";
import { loadWorkerConfig } from "./env";

/**
 * `npm run worker`: runs webhook deliveries, imports and exports for the cluster. Any number of
 * replicas may run; the queue gives each job to one of them. SIGTERM stops taking jobs and lets
 * running ones finish (a job still running at the deadline goes back to the queue when its
 * heartbeat lapses, and another replica resumes it).
 */
async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const logger = pino({ level: config.logLevel, base: { service: "worker" } });
  if (config.database.kind !== "postgres") throw new Error("the worker needs DATABASE_URL");
  const database = initDatabase(config.database);
  await database.migrate();
  // Job progress is written here; with Redis, a relay publishes it at once instead of waiting for another process's poll.
  // It never leads: a busy import would hold up every other process's events (the nodes lead).
  const pipeline = config.redisUrl
    ? await startEventPipeline({
        database,
        logger,
        retention: config.retention,
        redis: { url: config.redisUrl, keyPrefix: config.redisKeyPrefix },
        relayLeads: false
      })
    : undefined;
  const integrations = await startIntegrations({
    database,
    box: createSecretBox(config.secretsKey),
    logger,
    settings: config.settings,
    egress: egressPolicyFor({
      ...config.outbound,
      databaseUrl: config.database.url,
      redisUrl: config.redisUrl,
      localPorts: config.opsPort ? [config.opsPort] : []
    }),
    runWorker: true,
    webhookConcurrency: config.webhookConcurrency,
    ...(config.mail
      ? { sendInvitation: createInvitationSender(config.mail, (error) => logger.warn({ err: error }, "mailing an imported invitation failed")) }
      : {})
  });
  const handleOps = createJobsOpsHandler(integrations.metrics, config.opsToken);
  const server = config.opsPort
    ? createServer((req, res) => {
        if (!handleOps(req, res)) res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
      })
    : undefined;
  if (server) await new Promise<void>((resolve) => server.listen(config.opsPort, config.opsHost, resolve));
  logger.info({ ops: config.opsPort || "off", mail: config.mail ? "on" : "off" }, "job worker running");

  onShutdown(
    logger,
    async () => {
      server?.close();
      await integrations.stop(25_000);
      await pipeline?.close();
      await database.close();
    },
    { forceAfterMs: 30_000 }
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
