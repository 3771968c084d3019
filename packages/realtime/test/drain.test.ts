import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentSeq } from "@switchboard/db";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { startBalancer, type Balancer } from "./helpers/balancer";
import { addExtension, touchRepeatedly } from "./helpers/changes";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { openClient, seqsOf, type TestClient } from "./helpers/test-client";

let tdb: TestDatabase;
let writer: Writer;
const prefix = uniquePrefix();
const nodes: TestNode[] = [];
const clients: TestClient[] = [];
let balancer: Balancer | undefined;
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 6 });
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

function applied(seqs: number[]): number[] {
  let head = 0;
  return seqs.filter((seq) => (seq > head ? ((head = seq), true) : false));
}

describe("a realtime node shutting down (SIGTERM) drains", () => {
  it("tells its consoles, which leave at once for the other node and miss no event", async () => {
    // A long drain window: the consoles must leave because they were told, not because they were cut off.
    for (let i = 0; i < 2; i++)
      nodes.push(await startClusterNode({ databaseUrl: tdb.url, redisUrl: SHARED_REDIS_URL, keyPrefix: prefix, options: { drainTimeoutMs: 30_000 } }));
    const [one, two] = nodes as [TestNode, TestNode];
    balancer = await startBalancer([one.port, two.port]);
    for (const user of [org.admin, org.agent, org.supervisor]) clients.push(await openClient(balancer.url, { token: await realtimeToken(user) }));
    expect(one.realtime.stats().connections).toBe(3);

    const services = { db: tdb.database.client, box: tdb.box };
    const extension = await addExtension(services, org.admin);
    const first = await currentSeq(tdb.database.client, org.orgId);
    for (const c of clients) await waitFor(() => c.events.some((e) => e.seq === first), { what: "first change" });

    const writes = touchRepeatedly(tdb.database.client, extension.id, 120, "during-drain");
    await waitFor(async () => (await currentSeq(tdb.database.client, org.orgId)) >= first + 20, { what: "writes under way" });
    await one.stop();
    await writes;
    const head = await currentSeq(tdb.database.client, org.orgId);

    for (const c of clients) {
      expect(c.entries("server:draining")[0]?.info.nodeId).toBe(one.nodeId);
      // The console left by itself; a node cut off would show "transport close".
      expect(c.entries("disconnect")[0]?.reason).toBe("io client disconnect");
      await waitFor(() => c.events.at(-1)?.seq === head, { timeoutMs: 20_000, what: "every change after the drain" });
      // What the console applies: it ignores a seq it already has (one sent by the old node just
      // before the disconnect can come again in the new node's replay).
      const seqs = applied(seqsOf(c.events));
      expect(seqs.slice(seqs.indexOf(first))).toEqual(Array.from({ length: head - first + 1 }, (_, i) => first + i));
    }
    expect(two.realtime.stats().connections).toBe(3);
  });
});
