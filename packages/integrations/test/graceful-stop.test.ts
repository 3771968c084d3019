import { afterAll, beforeAll, expect, it } from "vitest";
import type { ActingViewer } from "@switchboard/db";
import { createOrganization, createUser } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { createWebhook, sendWebhookTest } from "../src/index";
import { startIntegrationHarness, startReceiver, type IntegrationHarness, type Receiver } from "../src/testing";

let t: TestDatabase;
let harness: IntegrationHarness;
let receiver: Receiver;
let admin: ActingViewer;

beforeAll(async () => {
  t = await createTestDatabase();
  const org = await createOrganization(t.database.client);
  const user = await createUser(t.database.client, org.id, { role: "admin" });
  admin = { id: user.id, orgId: org.id, role: "admin", name: user.name };
  harness = await startIntegrationHarness(t.database, t.box);
  receiver = await startReceiver();
});

afterAll(async () => {
  await receiver?.close();
  await t?.drop();
});

it("stopping the worker lets a running job finish before it returns", async () => {
  let answered = false;
  receiver.answer((_req, _body, res) => {
    setTimeout(() => {
      answered = true;
      res.end("slow but fine");
    }, 1500);
  });
  const { webhook } = await createWebhook(harness.deps, admin, { url: receiver.url, description: "", eventTypes: [], enabled: true });
  await sendWebhookTest(harness.deps, admin, webhook.id);
  await expect.poll(() => receiver.requests.length, { timeout: 20_000, interval: 50 }).toBe(1);
  expect(answered).toBe(false);
  await harness.stop();
  // The delivery in flight completed and was recorded before stop() returned.
  expect(answered).toBe(true);
  const log = await t.database.client.webhookDelivery.findMany({ where: { endpointId: webhook.id } });
  expect(log).toHaveLength(1);
  expect(log[0]).toMatchObject({ ok: true, statusCode: 200, responseExcerpt: "slow but fine" });
});
