import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSecretBox } from "@switchboard/auth";
import { createDatabase, type ActingViewer, type Database } from "@switchboard/db";
import { createOrganization, createUser } from "@switchboard/db/seed";
import { createWebhook, getJob, startImport } from "../src/index";
import { startIntegrations, type Integrations } from "../src/start-integrations";
import { startReceiver, testSettings } from "../src/testing";
import { extensionsCsv } from "./csv-fixtures";

// The embedded topology: pg-boss on the same in-process PGlite as Prisma, no server, no Redis.
let dir: string;
let database: Database;
let integrations: Integrations;
let admin: ActingViewer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "sb-embedded-"));
  database = createDatabase({ kind: "embedded", dataDir: dir });
  await database.migrate();
  const org = await createOrganization(database.client);
  const user = await createUser(database.client, org.id, { role: "admin", name: "Ada Admin" });
  admin = { id: user.id, orgId: org.id, role: "admin", name: user.name };
  integrations = await startIntegrations({
    database,
    box: createSecretBox("test-secrets-key-test-secrets-key-0123456789"),
    logger: pino({ level: "warn" }),
    settings: testSettings(),
    egress: { allowPrivate: true, ownServices: [] },
    runWorker: true
  });
}, 120_000);

afterAll(async () => {
  await integrations?.stop(5000);
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("embedded: an import enqueued in the app's transaction runs in-process, and webhooks deliver", async () => {
  const receiver = await startReceiver();
  await createWebhook(integrations.deps, admin, { url: receiver.url, description: "", eventTypes: ["extension.created"], enabled: true });
  const job = await startImport(integrations.deps, admin, { kind: "extensions", csv: extensionsCsv(300, 4000), mode: "all_or_nothing" });
  await expect.poll(async () => (await getJob(integrations.deps, admin, job.id)).state, { timeout: 90_000, interval: 250 }).toBe("completed");
  expect(await database.client.extension.count()).toBe(300);
  await expect.poll(() => receiver.requests.length, { timeout: 60_000, interval: 250 }).toBe(300);
  await receiver.close();
}, 180_000);
