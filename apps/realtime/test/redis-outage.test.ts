import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentSeq } from "@switchboard/db";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { startPrivateRedis, waitFor, type PrivateRedis } from "@switchboard/events/testing";
import { addExtension, touchRepeatedly } from "./helpers/changes";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { openClient, seqsOf, type TestClient } from "./helpers/test-client";

let tdb: TestDatabase;
let redis: PrivateRedis;
let writer: Writer;
const nodes: TestNode[] = [];
const clients: TestClient[] = [];
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;

beforeAll(async () => {
  [tdb, redis] = await Promise.all([createTestDatabase({ poolSize: 6 }), startPrivateRedis()]);
  const prefix = uniquePrefix();
  writer = await startWriter(tdb.database, redis.url, prefix);
  for (let i = 0; i < 2; i++) nodes.push(await startClusterNode({ databaseUrl: tdb.url, redisUrl: redis.url, keyPrefix: prefix }));
  org = await createOrgWithStaff(tdb.database.client);
});

afterAll(async () => {
  for (const c of clients) c.close();
  for (const n of nodes) await n.stop();
  await writer?.stop();
  await redis?.stop();
  await tdb?.drop();
});

async function readyz(node: TestNode): Promise<{ status: number; body: { ready: boolean; checks: Record<string, { ok: boolean }> } }> {
  const res = await fetch(`${node.url}/readyz`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; checks: Record<string, { ok: boolean }> } };
}

describe("Redis outage (G6)", () => {
  it("keeps writes working, says updates are delayed, then delivers all 500 changes in order exactly once", async () => {
    const [one, two] = nodes;
    if (!one || !two) throw new Error("nodes missing");
    for (const [node, user] of [[one, org.admin], [two, org.agent], [one, org.supervisor], [two, org.admin]] as const) {
      clients.push(await openClient(node.url, { token: await realtimeToken(user) }));
    }
    const extension = await addExtension({ db: tdb.database.client, box: tdb.box }, org.admin);
    for (const c of clients) await c.waitForEvents(1);
    const before = await currentSeq(tdb.database.client, org.orgId);
    expect((await readyz(one)).status).toBe(200);

    const killedAt = Date.now();
    await redis.kill();
    for (const c of clients) await c.waitFor("server:status", (e) => !e.status.live);
    const down = await readyz(one);
    expect(down.status).toBe(503);
    expect(down.body.checks.eventLog?.ok).toBe(false);

    // Writes keep succeeding: the outbox holds the events until Redis is back.
    await touchRepeatedly(tdb.database.client, extension.id, 500, "outage");
    const head = await currentSeq(tdb.database.client, org.orgId);
    expect(head - before).toBe(500);
    // The scenario is an outage of about three seconds, however fast the writes were.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3_000 - (Date.now() - killedAt))));
    await redis.restart();

    for (const c of clients) {
      await waitFor(() => c.events.at(-1)?.seq === head, { timeoutMs: 30_000, what: "all 500 changes after the outage" });
      expect(seqsOf(c.events)).toEqual(Array.from({ length: head - before + 1 }, (_, i) => before + i));
      await c.waitFor("server:status", (e) => e.status.live);
    }
    await waitFor(async () => (await readyz(one)).status === 200, { timeoutMs: 15_000, what: "ready again" });
  });
});
