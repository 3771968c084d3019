import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DomainEvent } from "@switchboard/contracts";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { MemoryEventLog } from "@switchboard/events";
import { waitFor } from "@switchboard/events/testing";
import { extensionUpdated } from "./helpers/events";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { startNode, type TestNode } from "./helpers/nodes";
import { openClient, TestClient } from "./helpers/test-client";

const LIMIT = 1024 * 1024;
let tdb: TestDatabase;
let node: TestNode;
const log = new MemoryEventLog({ maxEvents: 100, maxAgeMs: 60_000 });
const clients: TestClient[] = [];
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;
let seq = 0;

/** A large event appended straight to the log the node consumes. */
function bigEvent(): DomainEvent {
  seq += 1;
  return extensionUpdated(org.orgId, seq, "x".repeat(8 * 1024));
}

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 2 });
  node = await startNode({ database: tdb.database, log, options: { slowClientMaxBufferedBytes: LIMIT, slowClientCheckMs: 50 } });
  org = await createOrgWithStaff(tdb.database.client);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await node?.stop();
  await tdb?.drop();
});

describe("slow clients", () => {
  it("disconnects a console that stops reading, and only that one", async () => {
    const good = await openClient(node.url, { token: await realtimeToken(org.admin) });
    const stalled = await new TestClient(node.url, { token: await realtimeToken(org.agent), reconnection: false }).ready();
    clients.push(good, stalled);
    // The stalled console's process stops reading its socket: the kernel buffers fill, then the server's.
    const transport = stalled.socket.io.engine.transport as unknown as { ws: { _socket: { pause(): void } } };
    transport.ws._socket.pause();

    for (let batch = 0; batch < 200 && !node.realtime.stats().totals.slowClientDisconnects; batch++) {
      await log.append(Array.from({ length: 40 }, bigEvent));
      await waitFor(() => good.events.at(-1)?.seq === seq, { what: `batch ${batch} at the good client` });
    }
    expect(node.realtime.stats().totals.slowClientDisconnects).toBe(1);
    await waitFor(() => node.realtime.stats().connections === 1, { what: "the stalled socket to be dropped" });
    expect(good.socket.connected).toBe(true);
    expect(good.events.map((e) => e.seq)).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
  });
});
