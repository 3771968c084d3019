import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HeartbeatWatchdog, type ServerHeartbeat } from "@switchboard/contracts";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { waitFor } from "@switchboard/events/testing";
import { startBalancer, type Balancer } from "./helpers/balancer";
import { addExtension } from "./helpers/changes";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { startNodeProcess, type NodeProcess } from "./helpers/node-process";
import { dropRedisPrefix, SHARED_REDIS_URL, startClusterNode, uniquePrefix, type TestNode } from "./helpers/nodes";
import { seqsOf, TestClient } from "./helpers/test-client";

/**
 * G5 for a node that hangs instead of dying: its process is stopped (SIGSTOP), so its TCP
 * connections stay open and Socket.IO's ping timeout (set far out here) would keep its consoles
 * "live" for a long time. The console's heartbeat watchdog notices the silence, says so, and
 * reconnects; the balancer sends it to the other node, which replays what it missed.
 */
let tdb: TestDatabase;
let frozen: NodeProcess;
let healthy: TestNode;
let balancer: Balancer;
const prefix = uniquePrefix();
const clients: TestClient[] = [];
// Far beyond the test's waits: only the heartbeat can move the console in time.
const options = { heartbeatIntervalMs: 300, pingIntervalMs: 120_000, pingTimeoutMs: 120_000 };

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 4 });
  const config = { databaseUrl: tdb.url, redisUrl: SHARED_REDIS_URL, keyPrefix: prefix, options };
  [frozen, healthy] = await Promise.all([startNodeProcess(config), startClusterNode(config)]);
  balancer = await startBalancer([frozen.port, healthy.port], { roundRobin: true });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await balancer?.close();
  await frozen?.kill();
  await healthy?.stop();
  await tdb?.drop();
  await dropRedisPrefix(SHARED_REDIS_URL, prefix);
});

/** A console with the web client's watchdog wiring, recording what the watchdog decided. */
function watchedConsole(client: TestClient) {
  const seen: string[] = [];
  const beats: ServerHeartbeat[] = [];
  const { socket } = client;
  const watchdog = new HeartbeatWatchdog({
    onStalled: () => seen.push("stalled"),
    onRecovered: () => seen.push("recovered"),
    onDead: () => {
      seen.push("dead");
      socket.disconnect();
      socket.connect();
    }
  });
  socket.on("connect", () => watchdog.arm());
  socket.on("disconnect", () => watchdog.disarm());
  socket.on("server:status", (status) => watchdog.beat({ intervalMs: status.heartbeatIntervalMs }));
  socket.io.on("packet", () => watchdog.alive());
  socket.io.on("ping", () => watchdog.alive());
  socket.on("server:heartbeat", (beat) => {
    beats.push(beat);
    watchdog.beat(beat);
  });
  return { seen, beats, stop: () => watchdog.disarm() };
}

describe("a frozen node (G5)", () => {
  it("its consoles notice the missing heartbeat, say updates are delayed, and move to another node that replays", { timeout: 60_000 }, async () => {
    const org = await createOrgWithStaff(tdb.database.client);
    const client = new TestClient(balancer.url, { token: await realtimeToken(org.admin) });
    clients.push(client);
    const watched = watchedConsole(client);
    await client.ready();
    expect(client.entries("server:status")[0]?.status.nodeId).toBe(frozen.nodeId);
    const beat = await waitFor(() => watched.beats[0], { what: "a heartbeat from the first node" });
    expect(beat).toMatchObject({ nodeId: frozen.nodeId, intervalMs: options.heartbeatIntervalMs });

    frozen.freeze();
    // Committed while the console's node hangs: it must arrive through the other node.
    const extension = await addExtension({ db: tdb.database.client, box: tdb.box }, org.admin);
    await waitFor(() => watched.seen.includes("stalled"), { timeoutMs: 20_000, what: "the watchdog to say updates are delayed" });
    await client.waitFor("server:status", (e) => e.status.nodeId === healthy.nodeId, 20_000);
    await waitFor(() => client.events.some((e) => e.subject.id === extension.id), { timeoutMs: 20_000, what: "the missed change" });

    expect(watched.seen.slice(0, 2)).toEqual(["stalled", "dead"]);
    // The console left on its own: no transport timeout, no server close.
    expect(client.entries("disconnect").map((e) => e.reason)).toEqual(["io client disconnect"]);
    expect(seqsOf(client.events.filter((e) => e.subject.id === extension.id))).toHaveLength(1);
    await waitFor(() => watched.beats.some((b) => b.nodeId === healthy.nodeId), { what: "heartbeats from the new node" });
    watched.stop();
  });
});
