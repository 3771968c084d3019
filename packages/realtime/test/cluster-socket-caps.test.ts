import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { startNodeProcess, type NodeProcess } from "./helpers/node-process";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, uniquePrefix, type TestNode } from "./helpers/nodes";
import { openClient, TestClient } from "./helpers/test-client";

/**
 * G9 across the cluster: the per-user and per-address socket caps count every node's sockets
 * (in the shared Redis), and the sockets of a node that crashed stop counting once they expire.
 */
let tdb: TestDatabase;
let steady: TestNode;
let doomed: NodeProcess;
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;
const prefix = uniquePrefix();
const clients: TestClient[] = [];
const options = { maxSocketsPerUser: 2, maxSocketsPerIp: 3, socketCountTtlMs: 2_000 };

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 4 });
  const config = { databaseUrl: tdb.url, redisUrl: SHARED_REDIS_URL, keyPrefix: prefix, options };
  [steady, doomed] = await Promise.all([startClusterNode(config), startNodeProcess(config)]);
  org = await createOrgWithStaff(tdb.database.client);
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.close();
  await doomed?.kill();
  await steady?.stop();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

async function open(url: string, user: typeof org.admin): Promise<TestClient> {
  const client = await openClient(url, { token: await realtimeToken(user), reconnection: false });
  clients.push(client);
  return client;
}

async function attempt(url: string, user: typeof org.admin): Promise<{ connected: true } | { connected: false; code?: string; message: string }> {
  const client = new TestClient(url, { token: await realtimeToken(user), reconnection: false });
  clients.push(client);
  const outcome = await Promise.race([client.ready().then(() => undefined), client.connectError()]);
  if (!outcome) return { connected: true };
  client.close();
  return { connected: false, code: outcome.data?.code, message: outcome.message };
}

describe("socket caps across nodes (G9)", () => {
  it("counts a user's and an address's sockets on every node", async () => {
    await open(steady.url, org.admin);
    await open(doomed.url, org.admin);
    expect(await attempt(steady.url, org.admin)).toEqual({
      connected: false,
      code: "too_many_connections",
      message: "too many connections: at most 2 open per user (close other tabs)"
    });

    await open(doomed.url, org.agent);
    expect(await attempt(steady.url, org.supervisor)).toEqual({
      connected: false,
      code: "too_many_connections",
      message: "too many connections: at most 3 open per address"
    });
  });

  it("stops counting a crashed node's sockets once they expire", async () => {
    await doomed.kill();
    // The admin's socket on the dead node counted until its TTL ran out; then there is room again.
    await waitFor(async () => (await attempt(steady.url, org.admin)).connected, { timeoutMs: 15_000, what: "the dead node's admin socket to expire" });
    // Its agent socket was counted a moment later, so it may expire a moment later too.
    await waitFor(async () => (await attempt(steady.url, org.supervisor)).connected, { timeoutMs: 15_000, what: "the dead node's agent socket to expire" });
    // Live sockets on the surviving node only: the caps hold again.
    expect(await attempt(steady.url, org.admin)).toMatchObject({ connected: false, code: "too_many_connections" });
  });
});
