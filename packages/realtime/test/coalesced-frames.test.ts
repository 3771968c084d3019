import type { Socket } from "node:net";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { MemoryEventLog } from "@switchboard/events";
import { waitFor } from "@switchboard/events/testing";
import { extensionUpdated } from "./helpers/events";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { startNode, type TestNode } from "./helpers/nodes";
import { openClient, type TestClient } from "./helpers/test-client";

let tdb: TestDatabase;
let node: TestNode;
let client: TestClient | undefined;
/** Write counters of the node's accepted TCP connections, installed before anything is written. */
const counted = new Map<Socket, { count: number }>();
const log = new MemoryEventLog({ maxEvents: 100, maxAgeMs: 60_000 });
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;
const accepted: Socket[] = [];

/** Counts the writes a TCP connection hands the kernel: one per `_write`/`_writev` call. */
function countWrites(socket: Socket): { count: number } {
  const counter = { count: 0 };
  const raw = socket as Socket & { _write: (...a: unknown[]) => void; _writev: (...a: unknown[]) => void };
  const write = raw._write.bind(raw);
  const writev = raw._writev.bind(raw);
  raw._write = (...args) => {
    counter.count++;
    write(...args);
  };
  raw._writev = (...args) => {
    counter.count++;
    writev(...args);
  };
  return counter;
}

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 2 });
  // No ping or heartbeat may share the measured writes.
  node = await startNode({ database: tdb.database, log, options: { pingIntervalMs: 60_000, pingTimeoutMs: 60_000, heartbeatIntervalMs: 60_000 } });
  node.http.on("connection", (socket: Socket) => {
    accepted.push(socket);
    counted.set(socket, countWrites(socket));
  });
  org = await createOrgWithStaff(tdb.database.client);
});

afterAll(async () => {
  client?.close();
  await node?.stop();
  await tdb?.drop();
});

describe("frames to one console", () => {
  it("a connect's upgrade response and engine open packet leave in one write", async () => {
    // An org of its own: this console's comings and goings are no presence news to the other test's.
    const own = await createOrgWithStaff(tdb.database.client);
    const socket = io(node.url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      autoConnect: false,
      auth: { token: await realtimeToken(own.admin) }
    });
    try {
      // The engine is open once the client has read the open packet, and it answers nothing before.
      const writesAtOpen = new Promise<number>((resolve) => {
        socket.io.once("open", () => {
          const connection = accepted.at(-1);
          resolve(connection ? (counted.get(connection)?.count ?? -1) : -1);
        });
      });
      socket.connect();
      expect(await writesAtOpen).toBe(1);
    } finally {
      socket.close();
    }
  });

  it("a batch of events committed together reaches a console in one write, not one per event", async () => {
    client = await openClient(node.url, { token: await realtimeToken(org.admin) });
    const connection = accepted.at(-1);
    if (!connection) throw new Error("the node accepted no connection");
    const writes = countWrites(connection);

    const batch = Array.from({ length: 20 }, (_, i) => extensionUpdated(org.orgId, i + 1, `renamed ${i + 1}`));
    await log.append(batch);
    await waitFor(() => client?.events.length === batch.length, { what: "the batch at the console" });

    expect(client.events.map((e) => e.seq)).toEqual(batch.map((e) => e.seq));
    // Sent in one run, flushed once at its end, in one writev.
    expect(writes.count).toBe(1);
  });
});
