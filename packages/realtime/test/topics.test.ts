import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { topicsMatch, type DomainEvent, type Topic } from "@switchboard/contracts";
import { currentSeq, type ServiceDeps } from "@switchboard/db";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { addExtension, addTrunk, renameExtension, touchRepeatedly } from "./helpers/changes";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { openClient, seqsOf, TestClient } from "./helpers/test-client";

/**
 * Topics (DESIGN "Rooms and policy"): a console receives the events of the topics its page shows,
 * live and in replay, and changing page adds topics from the page's snapshot without a gap.
 */
let tdb: TestDatabase;
let services: ServiceDeps;
let node: TestNode;
let writer: Writer;
const prefix = uniquePrefix();
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;
const clients: TestClient[] = [];

async function connect(topics: Partial<Record<Topic, number>> | undefined, lastSeq?: number): Promise<TestClient> {
  const client = await openClient(node.url, { token: await realtimeToken(org.supervisor), lastSeq, topics });
  clients.push(client);
  return client;
}

/** Everything sent to the socket before this answer has arrived. */
async function roundTrip(client: TestClient): Promise<void> {
  await client.socket.timeout(5_000).emitWithAck("topics:unsubscribe", { topics: ["webhooks"] });
}

/** Every event of the organization in (from, to], as the relay published them. */
async function logged(from: number, to: number): Promise<DomainEvent[]> {
  await waitFor(async () => (await writer.log.readSince(org.orgId, to - 1)).headSeq >= to, { what: "the relay to publish" });
  const read = await writer.log.readSince(org.orgId, from);
  if (read.kind !== "events") throw new Error("the log lost events");
  return read.events.filter((e) => e.seq <= to);
}

const of =
  (...topics: string[]) =>
  (event: DomainEvent) =>
    topicsMatch(new Set(topics), event);
const head = () => currentSeq(tdb.database.client, org.orgId);

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 6 });
  services = { db: tdb.database.client, box: tdb.box };
  writer = await startWriter(tdb.database, SHARED_REDIS_URL, prefix);
  node = await startClusterNode({ databaseUrl: tdb.url, redisUrl: SHARED_REDIS_URL, keyPrefix: prefix });
  org = await createOrgWithStaff(tdb.database.client);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await node?.stop();
  await writer?.stop();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

describe("topics", () => {
  it("sends a console only its topics' events, live and in the replay after a reconnect", async () => {
    const extension = await addExtension(services, org.admin);
    const start = await head();
    const trunksPage = await connect({ trunks: start }, start);

    await renameExtension(services, org.admin, extension.id, "live, not shown");
    const liveTrunk = await addTrunk(services, org.admin);
    await waitFor(() => trunksPage.events.some((e) => e.subject.id === liveTrunk.id), { what: "the live trunk event" });

    trunksPage.socket.disconnect();
    await renameExtension(services, org.admin, extension.id, "missed, not shown");
    const missedTrunk = await addTrunk(services, org.admin);
    const end = await head();
    await logged(start, end);
    trunksPage.socket.connect();
    const done = await trunksPage.waitFor("sync:done", (entry) => entry.info.seq >= end);
    await roundTrip(trunksPage);

    expect(trunksPage.events.map((e) => [e.type, e.subject.id])).toEqual([
      ["trunk.created", liveTrunk.id],
      ["trunk.created", missedTrunk.id]
    ]);
    // The replay skipped the extension's seq: not a gap, the console is at the head.
    expect(done.info).toEqual({ seq: end, replayed: 1 });
  });

  it("adds a page's topics from its snapshot: every event since, once and in order, while changes go on", async () => {
    const extension = await addExtension(services, org.admin);
    const start = await head();
    const console = await connect({ extensions: start }, start);

    // The trunks page's snapshot is read at `snapshot`; trunk and extension changes follow before it subscribes.
    const snapshot = await head();
    const before = [await addTrunk(services, org.admin), await addTrunk(services, org.admin)];
    await renameExtension(services, org.admin, extension.id, "already shown");
    await waitFor(() => console.events.some((e) => e.type === "extension.updated"), { what: "the extension change" });
    expect(console.events.some((e) => e.type === "trunk.created")).toBe(false);

    // Changes of both topics race the subscription.
    const racing = Promise.all([
      touchRepeatedly(tdb.database.client, extension.id, 30, "racing", 2),
      addTrunk(services, org.admin),
      addTrunk(services, org.admin)
    ]);
    const ack = await console.socket.timeout(10_000).emitWithAck("topics:subscribe", { topics: ["trunks"], since: snapshot });
    await racing;
    const end = await head();
    await waitFor(() => console.lastSeq === end, { what: "every change" });
    await roundTrip(console);

    expect(ack).toMatchObject({ ok: true, data: { backfilled: true } });
    expect(ack.ok && [...ack.data.topics].sort()).toEqual(["extensions", "trunks"]);
    const expected = (await logged(start, end)).filter((e) => of("extensions")(e) || (of("trunks")(e) && e.seq > snapshot));
    // Exactly once each: nothing the console had is sent again, nothing of the new topic is missing.
    expect([...seqsOf(console.events)].sort((a, b) => a - b)).toEqual(seqsOf(expected));
    expect(new Set(console.events.map((e) => e.id)).size).toBe(console.events.length);
    expect(
      console.events
        .filter((e) => e.type === "trunk.created")
        .slice(0, 2)
        .map((e) => e.subject.id)
    ).toEqual(before.map((t) => t.id));
    // After the backfill (events older than what the console had) every event arrives in seq order.
    const position = ack.ok ? ack.data.seq : 0;
    const after = seqsOf(console.events).filter((seq) => seq > position);
    expect(after).toEqual([...after].sort((a, b) => a - b));
  });

  it("replays a topic that was still subscribing when the connection dropped from its page's snapshot", async () => {
    const snapshot = await head();
    const trunk = await addTrunk(services, org.admin);
    const extension = await addExtension(services, org.admin);
    const lastSeq = await head();
    await logged(snapshot, lastSeq);

    const console = await connect({ extensions: lastSeq, trunks: snapshot }, lastSeq);
    const later = await addTrunk(services, org.admin);
    await waitFor(() => console.events.some((e) => e.subject.id === later.id), { what: "the live trunk" });
    await roundTrip(console);

    expect(console.events.map((e) => e.subject.id)).toEqual([trunk.id, later.id]);
    expect(console.events.some((e) => e.subject.id === extension.id)).toBe(false);
  });

  it("stops sending a topic once unsubscribed, and keeps a console that names no topics on every family it may read", async () => {
    const start = await head();
    const pick = await connect({ trunks: start, extensions: start }, start);
    const everything = await connect(undefined, start);
    const left = await pick.socket.timeout(5_000).emitWithAck("topics:unsubscribe", { topics: ["trunks"] });
    expect(left).toEqual({ ok: true, data: { topics: ["extensions"] } });

    const trunk = await addTrunk(services, org.admin);
    const extension = await addExtension(services, org.admin);
    await waitFor(() => pick.events.some((e) => e.subject.id === extension.id), { what: "the extension event" });
    await waitFor(() => everything.events.some((e) => e.subject.id === extension.id), { what: "the extension event (no topics named)" });
    await roundTrip(pick);
    expect(pick.events.map((e) => e.subject.id)).toEqual([extension.id]);
    expect(everything.events.map((e) => e.subject.id)).toEqual([trunk.id, extension.id]);
  });

  it("refuses a handshake naming something that is not a topic, saying so", async () => {
    const client = clientFor(await realtimeToken(org.agent), { "calls; drop table": 0 });
    const error = await client.connectError();
    expect(error.data?.code).toBe("bad_request");
    expect(error.message).toContain("a topic is one of");
  });
});

function clientFor(token: string, topics: Record<string, number>): TestClient {
  // Not openClient: this one never gets ready.
  const client = new TestClient(node.url, { token, topics: topics as Partial<Record<Topic, number>>, reconnection: false });
  clients.push(client);
  return client;
}
