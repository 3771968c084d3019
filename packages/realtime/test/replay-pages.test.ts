import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYNC_PAGE_MAX_EVENTS } from "@switchboard/contracts";
import { currentSeq } from "@switchboard/db";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { addExtension, touchRepeatedly } from "./helpers/changes";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { seqsOf, TestClient } from "./helpers/test-client";

/**
 * G3 for long gaps: a console that missed many events gets them in pages of at most
 * SYNC_PAGE_MAX_EVENTS, each after it acknowledged the one before, and is caught up at sync:done.
 * Nothing waits for the last page's acknowledgement: sync:done follows it on the same socket.
 */
const GAP = 1_000;
let tdb: TestDatabase;
let node: TestNode;
let impatient: TestNode;
let writer: Writer;
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;
let lastSeq: number;
let head: number;
const prefix = uniquePrefix();
const clients: TestClient[] = [];

async function connect(via: TestNode, options: { holdPages?: boolean; lastSeq?: number } = {}): Promise<TestClient> {
  const client = new TestClient(via.url, { token: await realtimeToken(org.admin), lastSeq, reconnection: false, ...options });
  clients.push(client);
  return client;
}

/** Events each Socket.IO frame the client received carried: a page counts its events, a live event one. */
function eventsPerFrame(client: TestClient): number[] {
  const frames: number[] = [];
  client.socket.io.engine.on("packet", (packet) => {
    if (packet.type !== "message" || typeof packet.data !== "string") return;
    const start = packet.data.indexOf("[");
    if (start < 0) return;
    const [name, payload] = JSON.parse(packet.data.slice(start)) as [string, { events?: unknown[] }];
    if (name === "sync:page") frames.push(payload.events?.length ?? 0);
    else if (name === "event") frames.push(1);
  });
  return frames;
}

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 6 });
  writer = await startWriter(tdb.database, SHARED_REDIS_URL, prefix);
  node = await startClusterNode({ databaseUrl: tdb.url, redisUrl: SHARED_REDIS_URL, keyPrefix: prefix });
  impatient = await startClusterNode({ databaseUrl: tdb.url, redisUrl: SHARED_REDIS_URL, keyPrefix: prefix, options: { replayPageAckTimeoutMs: 300 } });
  org = await createOrgWithStaff(tdb.database.client);
  const extension = await addExtension({ db: tdb.database.client, box: tdb.box }, org.admin);
  lastSeq = await currentSeq(tdb.database.client, org.orgId);
  await touchRepeatedly(tdb.database.client, extension.id, GAP, "gap");
  head = await currentSeq(tdb.database.client, org.orgId);
  await waitFor(async () => (await writer.log.readSince(org.orgId, head - 1)).headSeq === head, { what: "relay to publish", timeoutMs: 30_000 });
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await node?.stop();
  await impatient?.stop();
  await writer?.stop();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

describe("replay in pages (G3)", () => {
  it("replays a long gap complete and in order, in several bounded pages, then sync:done", async () => {
    const client = await connect(node);
    const frames = eventsPerFrame(client);
    const done = await client.waitFor("sync:done", () => true, 30_000);
    expect(done.info).toEqual({ seq: head, replayed: GAP });

    const expected = Array.from({ length: GAP }, (_, i) => lastSeq + 1 + i);
    expect(seqsOf(client.events)).toEqual(expected);
    const pages = client.entries("sync:page").map((page) => page.size);
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(GAP / SYNC_PAGE_MAX_EVENTS));
    expect(Math.max(...pages)).toBeLessThanOrEqual(SYNC_PAGE_MAX_EVENTS);
    // On the wire: every replayed event came in a page frame, none bigger than the limit.
    expect(frames.reduce((sum, n) => sum + n, 0)).toBe(GAP);
    expect(Math.max(...frames)).toBeLessThanOrEqual(SYNC_PAGE_MAX_EVENTS);
    // Caught up only after the last page.
    const timeline = client.timeline.map((entry) => entry.type);
    expect(timeline.lastIndexOf("sync:page")).toBeLessThan(timeline.indexOf("sync:done"));
  });

  it("sends the next page only after the console acknowledged the previous one", async () => {
    const client = await connect(node, { holdPages: true });
    await client.waitFor("sync:page", () => true, 15_000);
    // Anything the node had sent before answering this request has arrived before its answer.
    await client.socket.timeout(5_000).emitWithAck("presence:list", {});
    expect(client.entries("sync:page")).toHaveLength(1);
    expect(client.entries("sync:done")).toHaveLength(0);

    client.releasePages();
    await client.waitFor("sync:done", () => true, 30_000);
    expect(seqsOf(client.events)).toEqual(Array.from({ length: GAP }, (_, i) => lastSeq + 1 + i));
    expect(client.entries("sync:page").length).toBeGreaterThan(1);
  });

  it("does not wait for the last page: sync:done follows it unacknowledged", async () => {
    const short = 5;
    const client = await connect(impatient, { holdPages: true, lastSeq: head - short });
    const done = await client.waitFor("sync:done", () => true, 15_000);
    expect(done.info).toEqual({ seq: head, replayed: short });
    expect(client.entries("sync:page").map((page) => page.size)).toEqual([short]);
    expect(seqsOf(client.events)).toEqual(Array.from({ length: short }, (_, i) => head - short + 1 + i));
    expect(client.entries("sync:resync")).toHaveLength(0);
  });

  it("tells a console that leaves a page unacknowledged to resync", async () => {
    const client = await connect(impatient, { holdPages: true });
    const resync = await client.waitFor("sync:resync", () => true, 15_000);
    expect(resync.info).toMatchObject({ reason: "server" });
    expect(client.entries("sync:page")).toHaveLength(1);
    expect(client.entries("sync:done")).toHaveLength(0);
  });
});
