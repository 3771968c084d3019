import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "@switchboard/contracts";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { RedisEventLog } from "@switchboard/events";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, testLogger, uniquePrefix, type TestNode } from "./helpers/nodes";
import { openClient, seqsOf, type TestClient } from "./helpers/test-client";

/**
 * G3 for an org the node has never delivered live before: the log can only check continuity
 * against what it delivered, so an event lost with a crashed Redis (here: seq skipped on purpose)
 * must be caught by delivery, against where each socket's replay ended, and answered with a resync.
 */
let tdb: TestDatabase;
let node: TestNode;
let log: RedisEventLog;
const prefix = uniquePrefix();
const clients: TestClient[] = [];
type Org = Awaited<ReturnType<typeof createOrgWithStaff>>;
/** skipped: events 1–3 exist before the node starts; empty: no events yet; steady: event 1 exists. */
const orgs: { skipped?: Org; empty?: Org; steady?: Org } = {};

function orgOf(name: keyof typeof orgs): Org {
  const org = orgs[name];
  if (!org) throw new Error(`org ${name} was not set up`);
  return org;
}

function deletion(orgId: string, seq: number): DomainEvent {
  const id = randomUUID();
  return {
    id: randomUUID(),
    orgId,
    seq,
    type: "extension.deleted",
    at: new Date().toISOString(),
    actor: null,
    subject: { kind: "extension", id },
    data: { id, label: `Desk ${seq}` }
  };
}

async function connect(user: Parameters<typeof realtimeToken>[0]): Promise<TestClient> {
  const client = await openClient(node.url, { token: await realtimeToken(user) });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 2 });
  log = new RedisEventLog({ url: SHARED_REDIS_URL, keyPrefix: prefix, logger: testLogger() });
  await log.start();
  orgs.skipped = await createOrgWithStaff(tdb.database.client);
  orgs.empty = await createOrgWithStaff(tdb.database.client);
  orgs.steady = await createOrgWithStaff(tdb.database.client);
  // Creating the staff announced them (user.created); this test numbers its organizations' events itself.
  await tdb.database.raw.$executeRawUnsafe("DELETE FROM outbox_events");
  await tdb.database.raw.$executeRawUnsafe("UPDATE org_sequences SET value = 0");
  // Published before the node starts: it replays them to sockets but never delivers them live.
  await log.append([deletion(orgs.skipped.orgId, 1), deletion(orgs.skipped.orgId, 2), deletion(orgs.skipped.orgId, 3), deletion(orgs.steady.orgId, 1)]);
  node = await startClusterNode({ databaseUrl: tdb.url, redisUrl: SHARED_REDIS_URL, keyPrefix: prefix });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await node?.stop();
  await log?.close();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

describe("first live event of an org the node has not seen (G3)", () => {
  it("a socket whose replay ended at 3 is told to resync when 5 arrives without 4", async () => {
    const org = orgOf("skipped");
    const client = await connect(org.admin);
    expect(client.entries("sync:done")[0]?.info.seq).toBe(3);

    await log.append([deletion(org.orgId, 5)]);
    await client.waitForEvents(1);
    expect(client.entries("sync:resync").map((e) => e.info)).toEqual([{ reason: "gap", seq: 4 }]);
    expect(seqsOf(client.events)).toEqual([5]);
    // The resync comes before the event, so the console refetches and then applies 5 on top.
    expect(client.timeline.findIndex((e) => e.type === "sync:resync")).toBeLessThan(client.timeline.findIndex((e) => e.type === "event"));

    await log.append([deletion(org.orgId, 6)]);
    await client.waitForEvents(2);
    expect(seqsOf(client.events)).toEqual([5, 6]);
    expect(client.entries("sync:resync")).toHaveLength(1);
  });

  it("a live socket of an org with no events yet is told to resync when the first event is 2", async () => {
    const org = orgOf("empty");
    const client = await connect(org.admin);
    expect(client.entries("sync:done")[0]?.info.seq).toBe(0);

    await log.append([deletion(org.orgId, 2)]);
    await client.waitForEvents(1);
    expect(client.entries("sync:resync").map((e) => e.info)).toEqual([{ reason: "gap", seq: 1 }]);
  });

  it("an org whose events arrive without a hole causes no resync", async () => {
    const org = orgOf("steady");
    const client = await connect(org.admin);
    await log.append([deletion(org.orgId, 2), deletion(org.orgId, 3)]);
    await client.waitForEvents(2);
    expect(seqsOf(client.events)).toEqual([2, 3]);
    expect(client.entries("sync:resync")).toEqual([]);
  });
});
