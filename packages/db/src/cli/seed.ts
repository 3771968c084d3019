import { createSecretBox } from "@switchboard/auth";
import { createDatabase } from "../client/create-client";
import { seedDemo, DEMO_PASSWORD, DEMO_USERS } from "../seed/demo";
import { loadCliConfig } from "./env";

const config = loadCliConfig();
const db = createDatabase(config.database);
try {
  await db.migrate();
  const { created } = await seedDemo(db.client, createSecretBox(config.secretsKey));
  console.log(created ? `demo organization seeded (${created} records created)` : "demo organization already present: nothing to do");
  console.log(`sign in as ${DEMO_USERS[0]?.email} / ${DEMO_PASSWORD}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
