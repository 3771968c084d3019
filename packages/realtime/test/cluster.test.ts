import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentSeq, type ServiceDeps } from "@switchboard/db";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { startBalancer, type Balancer } from "./helpers/balancer";
import { addExtension, addTrunk, touchRepeatedly } from "./helpers/changes";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { openClient, seqsOf, type TestClient } from "./helpers/test-client";

let tdb: TestDatabase;
let services: ServiceDeps;
let writer: Writer;
const prefix = uniquePrefix();
const nodes: TestNode[] = [];
const clients: TestClient[] = [];
let balancer: Balancer | undefined;
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;

async function node(): Promise<TestNode> {
  const started = await startClusterNode({ databaseUrl: tdb.url, redisUrl: SHARED_REDIS_URL, keyPrefix: prefix });
  nodes.push(started);
  return started;
}

async function client(url: string, user = org.admin): Promise<TestClient> {
  const opened = await openClient(url, { token: await realtimeToken(user) });
  clients.push(opened);
  return opened;
}

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 6 });
  services = { db: tdb.database.client, box: tdb.box };
  writer = await startWriter(tdb.database, SHARED_REDIS_URL, prefix);
  org = await createOrgWithStaff(tdb.database.client);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await balancer?.close();
  for (const n of nodes) await n.stop();
  await writer?.stop();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

describe("two realtime nodes act as one (G5)", () => {
  it("delivers a change made through the data layer to consoles on both nodes, once each", async () => {
    const [one, two] = [await node(), await node()];
    // The same audiences on both nodes: an adapter echo would show up as a second copy.
    const consoles = [await client(one.url, org.admin), await client(one.url, org.agent), await client(two.url, org.admin), await client(two.url, org.agent)];
    const extension = await addExtension(services, org.admin);
    const trunk = await addTrunk(services, org.admin);
    for (const c of consoles) {
      const events = await c.waitForEvents(2);
      expect(events.map((e) => [e.type, e.subject.id])).toEqual([
        ["extension.created", extension.id],
        ["trunk.created", trunk.id]
      ]);
    }
    await Promise.all(consoles.map((c) => c.socket.timeout(5_000).emitWithAck("presence:list", {})));
    for (const c of consoles) expect(c.events).toHaveLength(2);
    for (const n of [one, two]) {
      const stats = n.realtime.stats();
      expect(stats.totals.eventsIn).toBeGreaterThanOrEqual(2);
    }
  });

  it("moves a killed node's consoles to the other node, which replays what they missed", async () => {
    const [one, two] = [await node(), await node()];
    balancer = await startBalancer([one.port, two.port]);
    const consoles = [await client(balancer.url, org.admin), await client(balancer.url, org.agent), await client(balancer.url, org.supervisor)];
    expect(one.realtime.stats().connections).toBe(3);
    const extension = await addExtension(services, org.admin);
    const first = await currentSeq(tdb.database.client, org.orgId);
    for (const c of consoles) await waitFor(() => c.events.some((e) => e.seq === first), { what: "first change" });

    // Changes keep coming while the node dies and its consoles find the other one.
    const writes = touchRepeatedly(tdb.database.client, extension.id, 120, "during-failover");
    await waitFor(async () => (await currentSeq(tdb.database.client, org.orgId)) >= first + 20, { what: "writes under way" });
    await one.kill();
    await writes;
    const head = await currentSeq(tdb.database.client, org.orgId);

    for (const c of consoles) {
      await waitFor(() => c.events.at(-1)?.seq === head, { timeoutMs: 20_000, what: "every change after failover" });
      const seqs = seqsOf(c.events);
      const fromFirst = seqs.slice(seqs.indexOf(first));
      expect(fromFirst).toEqual(Array.from({ length: head - first + 1 }, (_, i) => first + i));
      expect(c.entries("connect").length).toBeGreaterThanOrEqual(2);
    }
    expect(two.realtime.stats().connections).toBe(3);
    expect(two.realtime.stats().totals.replays).toBeGreaterThanOrEqual(3);
  });
});
