import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceDeps } from "@switchboard/db";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { createRelay, MemoryEventLog, type Relay } from "@switchboard/events";
import { waitFor } from "@switchboard/events/testing";
import { addExtension } from "./helpers/changes";
import { createOrgWithStaff, createSessionUser, realtimeToken } from "./helpers/identity";
import { startNode, testLogger, type TestNode } from "./helpers/nodes";
import { openClient, TestClient } from "./helpers/test-client";

const OPS_TOKEN = "robustness-ops-token-0123456789";
const OPS_AUTH = { authorization: `Bearer ${OPS_TOKEN}` };

const MAX_PAYLOAD = 16 * 1024;
let tdb: TestDatabase;
let services: ServiceDeps;
let node: TestNode;
let relay: Relay;
let org: Awaited<ReturnType<typeof createOrgWithStaff>>;
let good: TestClient;
const clients: TestClient[] = [];

/** Emits outside the typed contract, as a buggy or hostile client would. */
type RawSocket = { emit(event: string, ...args: unknown[]): void; timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> } };
const raw = (c: TestClient) => c.socket as unknown as RawSocket;

async function abuser(): Promise<TestClient> {
  const client = await new TestClient(node.url, { token: await realtimeToken(org.agent), reconnection: false }).ready();
  clients.push(client);
  return client;
}

/** The well-behaved console must keep receiving while others misbehave. */
async function expectGoodClientStillServed(): Promise<void> {
  const count = good.events.length;
  const extension = await addExtension(services, org.admin);
  const events = await good.waitForEvents(count + 1);
  expect(events.at(-1)?.subject.id).toBe(extension.id);
}

beforeAll(async () => {
  // Embedded mode: one node, in-memory event log, adapter and presence.
  tdb = await createTestDatabase({ poolSize: 3 });
  services = { db: tdb.database.client, box: tdb.box };
  const log = new MemoryEventLog();
  relay = createRelay({ database: tdb.database, log, logger: testLogger() });
  relay.start();
  node = await startNode({
    database: tdb.database,
    log,
    relay,
    options: { maxPayloadBytes: MAX_PAYLOAD, maxStrikes: 5, messageRateLimit: { burst: 10, perSecond: 5 }, opsToken: OPS_TOKEN }
  });
  org = await createOrgWithStaff(tdb.database.client);
  good = await openClient(node.url, { token: await realtimeToken(org.admin) });
  clients.push(good);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await node?.stop();
  await relay?.stop();
  await tdb?.drop();
});

describe("malformed and abusive clients", () => {
  it("answers an unknown event or a wrong shape with an error ack", async () => {
    const client = await abuser();
    expect(await raw(client).timeout(5_000).emitWithAck("admin:drop-tables", {})).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await raw(client).timeout(5_000).emitWithAck("topics:subscribe", { topics: 42, since: 0 })).toMatchObject({
      ok: false,
      error: { code: "bad_request" }
    });
    expect(await raw(client).timeout(5_000).emitWithAck("sync:request", "lastSeq=4")).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(client.socket.connected).toBe(true);
    await expectGoodClientStillServed();
  });

  it("disconnects a client that keeps sending messages it cannot be answered for", async () => {
    const client = await abuser();
    for (let i = 0; i < 6; i++) raw(client).emit("topics:unsubscribe", { topics: ["calls"] });
    await client.waitFor("disconnect");
    expect(client.entries("disconnect")[0]?.reason).toBe("io server disconnect");
    await expectGoodClientStillServed();
  });

  it("closes the connection of a client sending an oversized message", async () => {
    const client = await abuser();
    raw(client).emit("topics:subscribe", { topics: ["x".repeat(MAX_PAYLOAD * 2)], since: 0 }, () => undefined);
    await client.waitFor("disconnect");
    await expectGoodClientStillServed();
  });

  it("rate-limits a burst and drops a flood", async () => {
    const client = await abuser();
    const answers: unknown[] = [];
    for (let i = 0; i < 200; i++) raw(client).emit("presence:list", {}, (answer: unknown) => answers.push(answer));
    await client.waitFor("disconnect");
    expect(answers.some((a) => (a as { error?: { code?: string } }).error?.code === "rate_limited")).toBe(true);
    await expectGoodClientStillServed();
  });

  it("counts what it rejected", () => {
    const { totals } = node.realtime.stats();
    expect(totals.malformed.unknown_event).toBeGreaterThanOrEqual(1);
    expect(totals.malformed.bad_payload).toBeGreaterThanOrEqual(2);
    expect(totals.malformed.missing_ack).toBeGreaterThanOrEqual(5);
    expect(totals.malformed.rate_limited).toBeGreaterThanOrEqual(1);
    expect(totals.disconnectsForAbuse).toBeGreaterThanOrEqual(2);
  });
});

describe("embedded mode and ops endpoints", () => {
  it("shows presence on a single node without Redis", async () => {
    const watcher = await openClient(node.url, { token: await realtimeToken(org.supervisor) });
    clients.push(watcher);
    const snapshot = await watcher.waitFor("presence:snapshot");
    expect(snapshot.snapshot.members.map((m) => m.userId)).toEqual(expect.arrayContaining([org.admin.id, org.supervisor.id]));
    const newcomer = await createSessionUser(tdb.database.client, org.orgId, "agent");
    const agent = await openClient(node.url, { token: await realtimeToken(newcomer) });
    // A delta, or a summary when this interval's deltas already named a fifth of a page of people.
    await waitFor(() => watcher.onlineUsers().has(newcomer.id), { what: "the newcomer online", timeoutMs: 10_000 });
    agent.close();
    await waitFor(() => !watcher.onlineUsers().has(newcomer.id), { what: "the newcomer gone", timeoutMs: 10_000 });
  });

  it("serves /healthz, /readyz, /stats and /metrics, also under /realtime; /stats and /metrics only with the ops token", async () => {
    await expectGoodClientStillServed();
    for (const path of ["/healthz", "/realtime/healthz"]) expect((await fetch(`${node.url}${path}`)).status).toBe(200);
    const ready = await fetch(`${node.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { eventLog: { ok: true }, database: { ok: true }, presence: { ok: true } } });

    for (const path of ["/stats", "/realtime/stats", "/metrics", "/realtime/metrics"]) {
      const refused = await fetch(`${node.url}${path}`);
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toContain("Bearer");
      expect((await fetch(`${node.url}${path}`, { headers: { authorization: "Bearer wrong-token-of-some-length" } })).status).toBe(401);
    }
    const stats = (await (await fetch(`${node.url}/realtime/stats`, { headers: OPS_AUTH })).json()) as ReturnType<TestNode["realtime"]["stats"]>;
    expect(stats.nodeId).toBe(node.nodeId);
    expect(stats.connections).toBeGreaterThanOrEqual(1);
    expect(stats.sockets.socketsPerOrg[org.orgId]).toBeGreaterThanOrEqual(1);
    expect(stats.eventsPerSecond.in).toBeGreaterThan(0);
    expect(stats.totals.eventsOut).toBeGreaterThan(0);
    expect(stats.relay).toMatchObject({ published: expect.any(Number) });

    const metrics = await (await fetch(`${node.url}/metrics`, { headers: OPS_AUTH })).text();
    expect(metrics).toContain("switchboard_realtime_events_in_total");
    expect(metrics).toContain("switchboard_realtime_malformed_messages_total");
    expect((await fetch(`${node.url}/elsewhere`)).status).toBe(404);
  });
});
