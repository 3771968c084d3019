import { createDatabase } from "../client/create-client";
import { loadMigrateConfig } from "./env";

const config = loadMigrateConfig();
const db = createDatabase(config.database);
try {
  const { applied, alreadyApplied } = await db.migrate();
  const where = config.database.kind === "embedded" ? `embedded database at ${config.database.dataDir}` : "DATABASE_URL";
  console.log(
    applied.length ? `applied ${applied.length} migration(s) to ${where}: ${applied.join(", ")}` : `${where} is up to date (${alreadyApplied} applied)`
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
