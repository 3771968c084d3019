import { createSecretBox } from "@switchboard/auth";
import { createTestDatabase, createTicketOrg, type TestDatabase, type TicketOrg } from "@switchboard/db/testing";
import { startPrivateRedis, waitFor, type PrivateRedis } from "@switchboard/events/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { realtimeToken } from "./helpers/identity";
import { startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { openClient, type TestClient } from "./helpers/test-client";

/**
 * Job and webhook events through real sockets: an admin sees every job of the organization and the
 * webhooks' events; other staff only the jobs they started; customers nothing of either.
 */

let tdb: TestDatabase;
let redis: PrivateRedis;
let writer: Writer;
let org: TicketOrg;
let node: TestNode;
const prefix = uniquePrefix();
const clients: TestClient[] = [];

beforeAll(async () => {
  [tdb, redis] = await Promise.all([createTestDatabase({ poolSize: 6 }), startPrivateRedis()]);
  writer = await startWriter(tdb.database, redis.url, prefix);
  org = await createTicketOrg(tdb.database.client, "A");
  node = await startClusterNode({ databaseUrl: tdb.url, redisUrl: redis.url, keyPrefix: prefix });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await node?.stop();
  await writer?.stop();
  await redis?.stop();
  await tdb?.drop();
});

it("job and webhook events reach exactly the viewers the policy allows", async () => {
  const open = async (user: TicketOrg["admin"]) => {
    const client = await openClient(node.url, { token: await realtimeToken(user), reconnection: false });
    clients.push(client);
    return client;
  };
  const [admin, supervisor, agent, customer] = await Promise.all([open(org.admin), open(org.supervisor), open(org.ana), open(org.customer)]);
  const db = tdb.database.client;
  const supervisorJob = await db.job.create({ data: { organizationId: org.orgId, kind: "export_calls", input: {}, createdById: org.supervisor.id } });
  await db.job.update({ where: { id: supervisorJob.id }, data: { state: "running", done: 1, total: 2 } });
  await db.job.update({ where: { id: supervisorJob.id }, data: { state: "completed", done: 2 } });
  const adminJob = await db.job.create({ data: { organizationId: org.orgId, kind: "import_extensions", input: {}, createdById: org.admin.id } });
  const box = createSecretBox("test-secrets-key-test-secrets-key-0123456789");
  const hook = await db.webhookEndpoint.create({
    data: { organizationId: org.orgId, url: "https://hooks.example.com/in", secretEnc: box.seal("s"), secretHint: "••s" }
  });
  await db.webhookDelivery.create({
    data: { organizationId: org.orgId, endpointId: hook.id, eventId: "e", eventType: "job.queued", attempt: 1, ok: true, statusCode: 200, latencyMs: 3 }
  });
  // A sentinel every staff socket receives, so "nothing more" is checked after everything arrived.
  const sentinel = await db.extension.create({
    data: { organizationId: org.orgId, number: "777", displayName: "Sentinel", sipUsername: "sentinel", sipSecretEnc: box.seal("x"), sipSecretHint: "••x" }
  });
  for (const c of [admin, supervisor, agent]) await waitFor(() => c.events.some((e) => e.subject.id === sentinel.id), { what: "sentinel" });

  const types = (c: TestClient) => c.events.filter((e) => e.type.startsWith("job.") || e.type.startsWith("webhook.")).map((e) => `${e.type}:${e.subject.id}`);
  expect(types(admin)).toEqual([
    `job.queued:${supervisorJob.id}`,
    `job.progress:${supervisorJob.id}`,
    `job.completed:${supervisorJob.id}`,
    `job.queued:${adminJob.id}`,
    `webhook.created:${hook.id}`,
    `webhook.delivery_recorded:${hook.id}`
  ]);
  expect(types(supervisor)).toEqual([`job.queued:${supervisorJob.id}`, `job.progress:${supervisorJob.id}`, `job.completed:${supervisorJob.id}`]);
  expect(types(agent)).toEqual([]);
  expect(customer.events.filter((e) => e.type.startsWith("job.") || e.type.startsWith("webhook."))).toEqual([]);
});
