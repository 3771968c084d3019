import { pino } from "pino";
import { z } from "zod";
import { createDatabase } from "@switchboard/db";
import { startSimulator } from "../simulator/start-simulator";
import { loadCliConfig } from "./env";
import { parseSimulateArgs, type SimulateArgs } from "./simulate-args";

/**
 * npm run simulate -w @switchboard/pbx -- --org demo --rate 20/min --duration 5m [--seed 42] [--speed 10]
 *
 * Drives simulated PBX traffic into the organization through the same tracker as the AMI
 * connector. Events land in the outbox; the web app's relay publishes them. With the embedded
 * database (no DATABASE_URL), stop `npm start` first: only one process may open it.
 */
let args: SimulateArgs;
try {
  args = parseSimulateArgs(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof z.ZodError ? error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n") : String(error));
  process.exit(2);
}
const config = loadCliConfig();
const log = pino({ level: config.logLevel });
const database = createDatabase(config.database);
try {
  await database.migrate();
  const org = await database.client.organization.findUnique({ where: { slug: args.org } });
  if (!org) throw new Error(`no organization with slug "${args.org}" (run npm run db:seed for the demo)`);
  const simulator = startSimulator({ db: database.client, orgId: org.id, rate: args.rate, seed: args.seed, speed: args.speed, durationMs: args.duration, log });
  log.info({ org: args.org, callsPerMinute: args.rate, durationMs: args.duration ?? "until Ctrl-C", seed: args.seed }, "simulating PBX traffic");
  const interrupted = new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
  await Promise.race([simulator.done, interrupted]);
  await simulator.stop();
  log.info(simulator.stats(), "simulation finished");
} catch (error) {
  log.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
