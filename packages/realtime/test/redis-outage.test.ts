import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentSeq } from "@switchboard/db";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { startPrivateRedis, waitFor, type PrivateRedis } from "@switchboard/events/testing";
import { addExtension, touchRepeatedly } from "./helpers/changes";
import { createOrgWithStaff, createSessionUser, realtimeToken } from "./helpers/identity";
import { startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { openClient, seqsOf, TestClient } from "./helpers/test-client";

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
  for (let i = 0; i < 2; i++)
    nodes.push(await startClusterNode({ databaseUrl: tdb.url, redisUrl: redis.url, keyPrefix: prefix, options: { presenceTtlMs: 3_000 } }));
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

function consecutive(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

describe("Redis outage (G6)", () => {
  it("keeps writes working, says updates are delayed, then delivers all 500 changes in order exactly once", { timeout: 120_000 }, async () => {
    const [one, two] = nodes;
    if (!one || !two) throw new Error("nodes missing");
    const consoles: TestClient[] = [];
    for (const [node, user] of [
      [one, org.admin],
      [two, org.agent],
      [one, org.supervisor],
      [two, org.admin]
    ] as const) {
      consoles.push(await openClient(node.url, { token: await realtimeToken(user) }));
    }
    clients.push(...consoles);
    const watcher = consoles[2];
    if (!watcher) throw new Error("watcher missing");
    const leaver = await createSessionUser(tdb.database.client, org.orgId, "agent");
    const leaving = await openClient(two.url, { token: await realtimeToken(leaver) });
    clients.push(leaving);
    await watcher.waitFor("presence:joined", (e) => e.member.userId === leaver.id);
    expect(watcher.onlineUsers().has(leaver.id)).toBe(true);

    const extension = await addExtension({ db: tdb.database.client, box: tdb.box }, org.admin);
    // Each staff console has seen the leaver's user.created and then the extension's creation.
    for (const c of consoles) await c.waitForEvents(2);
    const before = await currentSeq(tdb.database.client, org.orgId);
    expect((await readyz(one)).status).toBe(200);

    const killedAt = Date.now();
    await redis.kill();
    for (const c of consoles) await c.waitFor("server:status", (e) => !e.status.live);
    const down = await readyz(one);
    expect(down.status).toBe(503);
    expect(down.body.checks.eventLog?.ok).toBe(false);

    // Consoles keep coming and going during the outage: nothing crashes, nothing is lost.
    leaving.close();
    const latecomer = new TestClient(one.url, { token: await realtimeToken(org.supervisor), lastSeq: before });
    clients.push(latecomer);
    // Writes keep succeeding: the outbox holds the events until Redis is back.
    await touchRepeatedly(tdb.database.client, extension.id, 500, "outage");
    const head = await currentSeq(tdb.database.client, org.orgId);
    expect(head - before).toBe(500);
    // The scenario is an outage of about three seconds, however fast the writes were.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3_000 - (Date.now() - killedAt))));
    await redis.restart();

    for (const c of consoles) {
      await waitFor(() => c.events.at(-1)?.seq === head, { timeoutMs: 30_000, what: "all 500 changes after the outage" });
      expect(seqsOf(c.events)).toEqual(consecutive(before - 1, head));
      await c.waitFor("server:status", (e) => e.status.live);
    }
    // The console that connected mid-outage waited for its replay instead of getting a gap.
    await waitFor(() => latecomer.events.at(-1)?.seq === head, { timeoutMs: 30_000, what: "the latecomer's replay" });
    expect(seqsOf(latecomer.events)).toEqual(consecutive(before + 1, head));
    // Presence repairs itself: Redis came back empty, yet consoles end up with the right list.
    const expected = [org.admin.id, org.agent.id, org.supervisor.id].sort();
    await waitFor(() => [...watcher.onlineUsers()].sort().join() === expected.join(), { timeoutMs: 15_000, what: "the watcher's presence list to heal" });
    await waitFor(async () => (await readyz(one)).status === 200, { timeoutMs: 15_000, what: "ready again" });
  });
});
