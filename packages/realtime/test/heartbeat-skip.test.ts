import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { MemoryEventLog } from "@switchboard/events";
import { waitFor } from "@switchboard/events/testing";
import { extensionUpdated } from "./helpers/events";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { startNode, type TestNode } from "./helpers/nodes";
import { openClient, type TestClient } from "./helpers/test-client";

const INTERVAL_MS = 400;
let tdb: TestDatabase;
let node: TestNode;
const log = new MemoryEventLog({ maxEvents: 1_000, maxAgeMs: 60_000 });
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;
const clients: TestClient[] = [];

async function connectCountingBeats(topics: "extensions" | "tickets"): Promise<{ client: TestClient; beats: () => number }> {
  let beats = 0;
  const client = await openClient(node.url, { token: await realtimeToken(org.supervisor), topics: { [topics]: 0 } });
  client.socket.on("server:heartbeat", () => beats++);
  clients.push(client);
  return { client, beats: () => beats };
}

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 2 });
  node = await startNode({ database: tdb.database, log, options: { heartbeatIntervalMs: INTERVAL_MS } });
  org = await createOrgWithStaff(tdb.database.client);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await node?.stop();
  await tdb?.drop();
});

describe("heartbeats", () => {
  it("skips a console that keeps getting live events or answers; a quiet console keeps its beats", async () => {
    const busy = await connectCountingBeats("extensions");
    const asking = await connectCountingBeats("tickets");
    const quiet = await connectCountingBeats("tickets");
    let seq = 0;
    // Far more often than half an interval: the busy console always heard from the node lately,
    // and so did the one whose requests the node keeps answering.
    const feed = setInterval(() => {
      seq += 1;
      void log.append([extensionUpdated(org.orgId, seq, `renamed ${seq}`)]);
      asking.client.socket.emit("presence:list", {}, () => undefined);
    }, INTERVAL_MS / 8);
    try {
      await waitFor(() => quiet.beats() >= 6, { what: "six beats at the quiet console", timeoutMs: 20_000 });
    } finally {
      clearInterval(feed);
    }
    expect(busy.client.events.length).toBeGreaterThan(0);
    expect(quiet.client.events).toEqual([]);
    expect(asking.client.events).toEqual([]);
    expect(busy.beats()).toBeLessThan(quiet.beats() / 2);
    expect(asking.beats()).toBeLessThan(quiet.beats() / 2);
    // No beat is needed to learn the interval: the status on connect tells it.
    for (const { client } of [busy, asking, quiet]) expect(client.entries("server:status")[0]?.status.heartbeatIntervalMs).toBe(INTERVAL_MS);
  });
});
