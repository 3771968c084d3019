import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, uniquePrefix, type TestNode } from "./helpers/nodes";
import { openClient, TestClient } from "./helpers/test-client";

/**
 * G9 for the realtime node: one user or one address cannot hold more sockets than the node allows,
 * and one socket cannot make the node replay over and over. Refusals name the limit.
 */
let tdb: TestDatabase;
let node: TestNode;
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;
const prefix = uniquePrefix();
const clients: TestClient[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 4 });
  node = await startClusterNode({
    databaseUrl: tdb.url,
    redisUrl: SHARED_REDIS_URL,
    keyPrefix: prefix,
    options: { maxSocketsPerUser: 2, maxSocketsPerIp: 4, syncRateLimit: { burst: 2, perSecond: 0.001 } }
  });
  org = await createOrgWithStaff(tdb.database.client);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await node?.stop();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

async function open(user: typeof org.admin): Promise<TestClient> {
  const client = await openClient(node.url, { token: await realtimeToken(user) });
  clients.push(client);
  return client;
}

async function refused(user: typeof org.admin) {
  const client = new TestClient(node.url, { token: await realtimeToken(user), reconnection: false });
  clients.push(client);
  const error = await client.connectError();
  expect(client.socket.connected).toBe(false);
  return { code: error.data?.code, message: error.message };
}

describe("connection limits (G9)", () => {
  it("refuses a user's socket past the per-user cap and an address's past the per-address cap, and admits again once one closes", async () => {
    const first = await open(org.admin);
    await open(org.admin);
    expect(await refused(org.admin)).toEqual({ code: "too_many_connections", message: "too many connections: at most 2 open per user (close other tabs)" });

    await open(org.agent);
    await open(org.agent);
    expect(await refused(org.supervisor)).toEqual({ code: "too_many_connections", message: "too many connections: at most 4 open per address" });

    first.close();
    await waitFor(
      async () => {
        const client = new TestClient(node.url, { token: await realtimeToken(org.supervisor), reconnection: false });
        clients.push(client);
        const outcome = await Promise.race([client.ready().then(() => "connected"), client.connectError().then(() => "refused")]);
        if (outcome !== "connected") client.close();
        return outcome === "connected";
      },
      { timeoutMs: 10_000, what: "a socket admitted after one closed" }
    );
    for (const c of clients.splice(0)) c.close();
  });

  it("answers sync:request past the socket's allowance with rate_limited naming the limit", async () => {
    await waitFor(async () => (await node.realtime.io.fetchSockets()).length === 0, { what: "the previous sockets gone" });
    const client = await open(org.customer);
    const ask = () => client.socket.emitWithAck("sync:request", { lastSeq: 0 });
    expect((await ask()).ok).toBe(true);
    expect((await ask()).ok).toBe(true);
    expect(await ask()).toEqual({
      ok: false,
      error: { code: "rate_limited", message: "sync:request is limited to 2 at once and one every 1000 s per connection" }
    });
    // Other requests are not affected.
    expect(JSON.stringify(await client.socket.emitWithAck("presence:list", {}))).not.toContain("rate_limited");
  });
});
