import { pino } from "pino";
import { createSecretBox } from "@switchboard/auth";
import { createDatabase } from "@switchboard/db";
import { ConnectorSupervisor } from "../ami/connector-supervisor";
import { loadCliConfig } from "./env";

/**
 * npm run connect -w @switchboard/pbx
 *
 * Keeps an AMI connection to every enabled PBX configured in the console, feeding calls and
 * statuses into the database (and so to every console). Stops cleanly on SIGINT/SIGTERM.
 */
const config = loadCliConfig();
const log = pino({ level: config.logLevel });
const database = createDatabase(config.database);
const supervisor = new ConnectorSupervisor({ db: database.client, box: createSecretBox(config.secretsKey), log });
try {
  await database.migrate();
  await supervisor.start();
  log.info("AMI connectors running");
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
} catch (error) {
  log.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await supervisor.stop();
  await database.close();
}
