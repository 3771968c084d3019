import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "@switchboard/contracts";
import { currentSeq, type DbClient, type ServiceDeps } from "@switchboard/db";
import { createExtensionRow } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { addExtension, addTrunk, nextNumber, removeExtension, renameExtension, renameRepeatedly, touchRepeatedly } from "./helpers/changes";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import type { TestClient } from "./helpers/test-client";
import { openClient, seqsOf } from "./helpers/test-client";

let tdb: TestDatabase;
let services: ServiceDeps;
let node: TestNode;
let writer: Writer;
const prefix = uniquePrefix();
let orgA: Awaited<ReturnType<typeof createOrgWithStaff>>;
let orgB: Awaited<ReturnType<typeof createOrgWithStaff>>;
const clients: TestClient[] = [];

async function connect(user: { id: string }, options: { lastSeq?: number; via?: TestNode } = {}): Promise<TestClient> {
  const found = [orgA, orgB].flatMap((o) => [o.admin, o.supervisor, o.agent, o.customer]).find((u) => u.id === user.id);
  if (!found) throw new Error("unknown test user");
  const client = await openClient((options.via ?? node).url, { token: await realtimeToken(found), lastSeq: options.lastSeq });
  clients.push(client);
  return client;
}

/** Proves nothing more is in flight to this socket: any event sent before the ack arrives before it. */
async function roundTrip(client: TestClient): Promise<void> {
  await client.socket.timeout(5_000).emitWithAck("topics:subscribe", { topics: ["notifications"], since: Number.MAX_SAFE_INTEGER });
}

/** The org's head seq, once the relay has put it in the log. */
async function published(orgId: string): Promise<number> {
  const head = await currentSeq(tdb.database.client, orgId);
  await waitFor(async () => (await writer.log.readSince(orgId, head - 1)).headSeq === head, { what: "relay to publish" });
  return head;
}

function expectConsecutive(events: DomainEvent[], from: number, to: number): void {
  expect(seqsOf(events)).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
}

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 6 });
  services = { db: tdb.database.client, box: tdb.box };
  writer = await startWriter(tdb.database, SHARED_REDIS_URL, prefix);
  node = await startClusterNode({ databaseUrl: tdb.url, redisUrl: SHARED_REDIS_URL, keyPrefix: prefix });
  [orgA, orgB] = await Promise.all([createOrgWithStaff(tdb.database.client), createOrgWithStaff(tdb.database.client)]);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await node?.stop();
  await writer?.stop();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

describe("delivery (G1, G4)", () => {
  it("delivers nothing for a rolled-back transaction", async () => {
    const admin = await connect(orgA.admin);
    const db = tdb.database.client;
    await expect(
      db.$transaction(async (tx) => {
        await createExtensionRow(tx as unknown as DbClient, tdb.box, orgA.orgId, nextNumber());
        throw new Error("changed my mind");
      })
    ).rejects.toThrow("changed my mind");
    const taken = await addExtension(services, orgA.admin);
    await expect(addExtension(services, orgA.admin, taken.number)).rejects.toMatchObject({ code: "conflict" });
    const marker = await addExtension(services, orgA.admin);

    await waitFor(() => admin.events.some((e) => e.subject.id === marker.id), { what: "the marker change" });
    await roundTrip(admin);
    expect(admin.events.map((e) => e.subject.id)).toEqual([taken.id, marker.id]);
  });

  it("keeps organizations and roles apart over hundreds of random changes", async () => {
    const a = { admin: await connect(orgA.admin), agent: await connect(orgA.agent), customer: await connect(orgA.customer) };
    const b = { admin: await connect(orgB.admin), customer: await connect(orgB.customer) };
    const baseA = await currentSeq(tdb.database.client, orgA.orgId);
    const baseB = await currentSeq(tdb.database.client, orgB.orgId);

    const churn = async (admin: typeof orgA.admin, count: number) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const roll = Math.random();
        const pick = ids[Math.floor(Math.random() * ids.length)];
        if (roll < 0.4 || !pick) ids.push((await addExtension(services, admin)).id);
        else if (roll < 0.75) await renameExtension(services, admin, pick, `renamed ${i}`);
        else if (roll < 0.85) await addTrunk(services, admin);
        else {
          await removeExtension(services, admin, pick);
          ids.splice(ids.indexOf(pick), 1);
        }
      }
    };
    // Two writers per organization, each on its own extensions.
    await Promise.all([churn(orgA.admin, 60), churn(orgA.admin, 60), churn(orgB.admin, 45), churn(orgB.admin, 45)]);

    const headA = await currentSeq(tdb.database.client, orgA.orgId);
    const headB = await currentSeq(tdb.database.client, orgB.orgId);
    expect(headA - baseA).toBe(120);
    await waitFor(() => a.admin.events.at(-1)?.seq === headA && a.agent.events.at(-1)?.seq === headA, { what: "org A's changes" });
    await waitFor(() => b.admin.events.at(-1)?.seq === headB, { what: "org B's changes" });
    await Promise.all([roundTrip(a.customer), roundTrip(b.customer), roundTrip(a.admin), roundTrip(b.admin)]);

    expectConsecutive(a.admin.events, baseA + 1, headA);
    expectConsecutive(b.admin.events, baseB + 1, headB);
    expect(a.admin.events.every((e) => e.orgId === orgA.orgId)).toBe(true);
    expect(b.admin.events.every((e) => e.orgId === orgB.orgId)).toBe(true);
    expect(a.agent.events).toEqual(a.admin.events);
    expect(new Set(a.admin.events.map((e) => e.type))).toEqual(new Set(["extension.created", "extension.updated", "extension.deleted", "trunk.created"]));
    // Customers see no extension or trunk events at all.
    expect(a.customer.events).toEqual([]);
    expect(b.customer.events).toEqual([]);
  });
});

describe("recovery (G3)", () => {
  it("replays exactly the changes missed while disconnected, once and in order, before new ones", async () => {
    const extension = await addExtension(services, orgA.admin);
    const client = await connect(orgA.supervisor);
    await renameExtension(services, orgA.admin, extension.id, "before");
    const lastSeq = await currentSeq(tdb.database.client, orgA.orgId);
    await waitFor(() => client.events.at(-1)?.seq === lastSeq, { what: "the change before disconnecting" });

    client.socket.disconnect();
    await touchRepeatedly(tdb.database.client, extension.id, 200, "missed");
    const missedUntil = await published(orgA.orgId);

    const reconnectedAt = client.timeline.length;
    client.socket.connect();
    // New changes race the replay: they must come after it, with no gap and no duplicate.
    const concurrent = touchRepeatedly(tdb.database.client, extension.id, 20, "after");
    await concurrent;
    const head = await currentSeq(tdb.database.client, orgA.orgId);
    await waitFor(() => client.events.at(-1)?.seq === head, { what: "all changes after reconnecting" });

    const after = client.timeline.slice(reconnectedAt);
    const received = after.flatMap((e) => (e.type === "event" ? [e.event] : []));
    expectConsecutive(received, lastSeq + 1, head);
    const syncAt = after.findIndex((e) => e.type === "sync:done");
    const replayed = after.slice(0, syncAt).filter((e) => e.type === "event").length;
    expect(replayed).toBeGreaterThanOrEqual(200);
    expect(seqsOf(received.slice(0, 200))).toEqual(Array.from({ length: 200 }, (_, i) => lastSeq + 1 + i));
    expect(received[199]?.seq).toBe(missedUntil);
  });

  it("starts a console without lastSeq at the head, with nothing replayed", async () => {
    await addExtension(services, orgB.admin);
    const head = await published(orgB.orgId);
    const client = await connect(orgB.admin);
    expect(client.entries("sync:done")[0]?.info).toEqual({ seq: head, replayed: 0 });
    const next = await addExtension(services, orgB.admin);
    const [event] = await client.waitForEvents(1);
    expect(event?.subject.id).toBe(next.id);
    expect(event?.seq).toBe(head + 1);
  });

  it("answers sync:request with the missed events, filtered for the viewer", async () => {
    const client = await connect(orgB.admin);
    const head = await currentSeq(tdb.database.client, orgB.orgId);
    const ack = await client.socket.timeout(5_000).emitWithAck("sync:request", { lastSeq: head - 2 });
    expect(ack).toEqual({ ok: true, data: { status: "done", seq: head, replayed: 2 } });
    expect(seqsOf(client.events)).toEqual([head - 1, head]);

    const customer = await connect(orgB.customer);
    const hidden = await customer.socket.timeout(5_000).emitWithAck("sync:request", { lastSeq: head - 2 });
    expect(hidden).toEqual({ ok: true, data: { status: "done", seq: head, replayed: 0 } });
    expect(customer.events).toEqual([]);

    const bad = await client.socket.timeout(5_000).emitWithAck("sync:request", { lastSeq: -1 });
    expect(bad).toMatchObject({ ok: false, error: { code: "bad_request" } });
  });

  it("tells a console past the retention window, or ahead of every commit, to resync", async () => {
    const shortNode = await startClusterNode({
      databaseUrl: tdb.url,
      redisUrl: SHARED_REDIS_URL,
      keyPrefix: prefix,
      retention: { maxEvents: 20, maxAgeMs: 60 * 60_000 }
    });
    try {
      const extension = await addExtension(services, orgB.admin);
      const from = await currentSeq(tdb.database.client, orgB.orgId);
      await renameRepeatedly(services, orgB.admin, extension.id, 40, "retention");
      const head = await published(orgB.orgId);

      const stale = await connect(orgB.admin, { lastSeq: from, via: shortNode });
      expect(stale.entries("sync:resync")[0]?.info).toEqual({ reason: "retention", seq: head });
      expect(stale.events).toEqual([]);

      const recent = await connect(orgB.admin, { lastSeq: head - 5, via: shortNode });
      expect(seqsOf(recent.events)).toEqual([head - 4, head - 3, head - 2, head - 1, head]);

      const ahead = await connect(orgB.admin, { lastSeq: head + 1000, via: shortNode });
      expect(ahead.entries("sync:resync")[0]?.info).toEqual({ reason: "gap", seq: head });

      // After a resync the console is live from the head.
      await renameExtension(services, orgB.admin, extension.id, "after resync");
      const [live] = await stale.waitForEvents(1);
      expect(live?.seq).toBe(head + 1);
    } finally {
      await shortNode.stop();
    }
  });
});
