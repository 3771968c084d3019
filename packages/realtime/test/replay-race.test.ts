import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Extension } from "@switchboard/db";
import { currentSeq } from "@switchboard/db";
import { createExtensionRow } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { nextNumber, touchRepeatedly } from "./helpers/changes";
import { GatedLog } from "./helpers/gated-log";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { openClient, seqsOf, type TestClient } from "./helpers/test-client";

let tdb: TestDatabase;
let writer: Writer;
let node: TestNode;
let gated: GatedLog;
const prefix = uniquePrefix();
const clients: TestClient[] = [];
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;
let extension: Extension;

/** Waits until the node has taken in (live) every change committed so far. */
async function nodeCaughtUp(): Promise<number> {
  const head = await currentSeq(tdb.database.client, org.orgId);
  await waitFor(() => node.realtime.stats().totals.eventsIn >= head, { what: `node to see seq ${head}` });
  return head;
}

async function published(): Promise<number> {
  const head = await currentSeq(tdb.database.client, org.orgId);
  await waitFor(async () => (await writer.log.readSince(org.orgId, head - 1)).headSeq === head, { what: "relay to publish" });
  return head;
}

/** A console that saw everything up to `lastSeq`, then reconnects. */
async function reconnecting(lastSeq: number): Promise<TestClient> {
  const client = await openClient(node.url, { token: await realtimeToken(org.admin), lastSeq });
  clients.push(client);
  return client;
}

function expectExactly(client: TestClient, from: number, to: number): void {
  expect(seqsOf(client.events)).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 3 });
  writer = await startWriter(tdb.database, SHARED_REDIS_URL, prefix);
  node = await startClusterNode({
    databaseUrl: tdb.url,
    redisUrl: SHARED_REDIS_URL,
    keyPrefix: prefix,
    wrapLog: (log) => (gated = new GatedLog(log))
  });
  org = await createOrgWithStaff(tdb.database.client);
  extension = await createExtensionRow(tdb.database.client, tdb.box, org.orgId, nextNumber());
});

afterAll(async () => {
  for (const c of clients) c.close();
  await node?.stop();
  await writer?.stop();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

describe("replay meets live delivery (G3: no gap, no duplicate)", () => {
  it("drops live copies of events the replay already read", async () => {
    await touchRepeatedly(tdb.database.client, extension.id, 3, "a");
    const lastSeq = await nodeCaughtUp();
    await touchRepeatedly(tdb.database.client, extension.id, 2, "b");
    await nodeCaughtUp();

    const gate = gated.holdNextRead("before");
    const pending = reconnecting(lastSeq);
    await gate.entered;
    // These reach the node live while the replay has not read yet: the read will include them too.
    await touchRepeatedly(tdb.database.client, extension.id, 4, "c");
    const head = await nodeCaughtUp();
    gate.open();
    const client = await pending;
    await touchRepeatedly(tdb.database.client, extension.id, 1, "d");
    await waitFor(() => client.events.at(-1)?.seq === head + 1, { what: "the change after sync" });
    expectExactly(client, lastSeq + 1, head + 1);
    expect(client.entries("sync:done")[0]?.info).toEqual({ seq: head, replayed: head - lastSeq });
  });

  it("holds back live events that arrive after the read until the replay is out", async () => {
    const lastSeq = await published();
    await touchRepeatedly(tdb.database.client, extension.id, 3, "e");
    const replayedUntil = await published();

    const gate = gated.holdNextRead("after");
    const pending = reconnecting(lastSeq);
    await gate.entered;
    // Read is done (up to replayedUntil); these exist only as live events for this socket.
    await touchRepeatedly(tdb.database.client, extension.id, 4, "f");
    const head = await nodeCaughtUp();
    gate.open();
    const client = await pending;
    await waitFor(() => client.events.at(-1)?.seq === head, { what: "buffered live events" });
    expectExactly(client, lastSeq + 1, head);
    const syncAt = client.timeline.findIndex((e) => e.type === "sync:done");
    const beforeSync = client.timeline.slice(0, syncAt).filter((e) => e.type === "event").length;
    expect(beforeSync).toBe(replayedUntil - lastSeq);
  });

  it("does not repeat replayed events when this node's live stream lags behind the log", async () => {
    const lastSeq = await nodeCaughtUp();
    gated.holdLive();
    await touchRepeatedly(tdb.database.client, extension.id, 5, "g");
    const head = await published();
    const client = await reconnecting(lastSeq);
    expectExactly(client, lastSeq + 1, head);
    // The lagging subscriber now delivers what the replay already sent, then something new.
    gated.releaseLive();
    await touchRepeatedly(tdb.database.client, extension.id, 1, "h");
    await waitFor(() => client.events.at(-1)?.seq === head + 1, { what: "the next change" });
    expectExactly(client, lastSeq + 1, head + 1);
  });

  it("tells every console to resync when the log subscription loses its place", async () => {
    const head = await nodeCaughtUp();
    const client = await reconnecting(head);
    gated.signalReset();
    const resync = await client.waitFor("sync:resync");
    expect(resync.info).toEqual({ reason: "server", seq: head });
  });
});
