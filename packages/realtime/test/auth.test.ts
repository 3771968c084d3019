import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Topic } from "@switchboard/contracts";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { MemoryEventLog, createRelay, type Relay } from "@switchboard/events";
import { addExtension } from "./helpers/changes";
import { AUTH_SECRET, createOrgWithStaff, createSessionUser, realtimeToken, sessionCookie } from "./helpers/identity";
import { startNode, testLogger, type TestNode } from "./helpers/nodes";
import { openClient, TestClient } from "./helpers/test-client";

let tdb: TestDatabase;
let node: TestNode;
let relay: Relay;
let orgA: Awaited<ReturnType<typeof createOrgWithStaff>>;
const clients: TestClient[] = [];

function track(client: TestClient): TestClient {
  clients.push(client);
  return client;
}

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 4 });
  const log = new MemoryEventLog();
  relay = createRelay({ database: tdb.database, log, logger: testLogger() });
  relay.start();
  node = await startNode({ database: tdb.database, log });
  orgA = await createOrgWithStaff(tdb.database.client);
});

afterAll(async () => {
  for (const client of clients) client.close();
  await node?.stop();
  await relay?.stop();
  await tdb?.drop();
});

describe("handshake", () => {
  it("accepts the web app's session cookie and a realtime token", async () => {
    const byCookie = track(await openClient(node.url, { cookie: await sessionCookie(orgA.admin) }));
    const byToken = track(await openClient(node.url, { token: await realtimeToken(orgA.agent) }));
    expect(byCookie.socket.connected).toBe(true);
    expect(byToken.socket.connected).toBe(true);
    expect(byCookie.entries("server:status")[0]?.status).toEqual({ live: true, nodeId: node.nodeId, heartbeatIntervalMs: expect.any(Number) });
  });

  it("keeps no token once the socket is connected", async () => {
    const client = track(await openClient(node.url, { token: await realtimeToken(orgA.agent), lastSeq: 0 }));
    const serverSide = node.realtime.io.of("/").sockets.get(client.socket.id ?? "");
    expect(serverSide?.data.user.id).toBe(orgA.agent.id);
    expect(serverSide?.handshake.auth).toEqual({});
  });

  it.each([
    ["no session", "no_session", async () => ({})],
    ["invalid session", "invalid_session", async () => ({ cookie: await sessionCookie(orgA.admin, "another-secret-another-secret-another") })],
    ["invalid session", "invalid_session", async () => ({ cookie: "next-auth.session-token=forged.jwe.value.here.x" })],
    ["invalid session", "invalid_session", async () => ({ token: await realtimeToken(orgA.admin, { secret: "wrong-secret-wrong-secret-wrong-secret" }) })],
    ["session expired", "session_expired", async () => ({ token: await realtimeToken(orgA.admin, { ttlSeconds: -5 }) })],
    // next-auth decodes with 15 s clock tolerance: a just-expired cookie is recognised as expired.
    ["session expired", "session_expired", async () => ({ cookie: await sessionCookie(orgA.admin, AUTH_SECRET, -5) })],
    ["invalid session", "invalid_session", async () => ({ token: await realtimeToken({ ...orgA.admin, id: randomUUID() }) })]
  ])("refuses with %s (%s)", async (message, code, credentials) => {
    const client = track(new TestClient(node.url, { ...(await credentials()), reconnection: false }));
    const error = await client.connectError();
    expect(error.message).toBe(message);
    expect(error.data?.code).toBe(code);
    expect(client.socket.connected).toBe(false);
  });

  it("takes a session cookie only from its own origin, a token from anywhere", async () => {
    const cookie = await sessionCookie(orgA.admin);
    const sameOrigin = track(await openClient(node.url, { cookie, origin: node.url }));
    expect(sameOrigin.socket.connected).toBe(true);
    const hijack = track(new TestClient(node.url, { cookie, origin: "https://evil.example", reconnection: false }));
    expect((await hijack.connectError()).message).toBe("origin not allowed");
    const crossSiteToken = track(await openClient(node.url, { token: await realtimeToken(orgA.admin), origin: "https://console.example" }));
    expect(crossSiteToken.socket.connected).toBe(true);
  });

  it("refuses a malformed handshake", async () => {
    const client = track(new TestClient(node.url, { reconnection: false, lastSeq: -3 }));
    const error = await client.connectError();
    expect(error.data?.code).toBe("bad_request");
  });

  it("uses the user's current role, not the one in the token", async () => {
    const demoted = await createSessionUser(tdb.database.client, orgA.orgId, "admin");
    const token = await realtimeToken(demoted);
    await tdb.database.client.user.update({ where: { id: demoted.id }, data: { role: "customer" } });
    const client = track(await openClient(node.url, { token }));
    const staff = track(await openClient(node.url, { token: await realtimeToken(orgA.agent) }));
    await addExtension({ db: tdb.database.client, box: tdb.box }, orgA.admin);
    await staff.waitForEvents(1);
    // A round trip on the same socket: anything sent to it before the ack would have arrived first.
    const ack = await client.socket.timeout(5_000).emitWithAck("presence:list", {});
    expect(ack.ok).toBe(false);
    // Its own account change may still arrive live (if the relay published it after the sync); nothing else may.
    expect(client.events.filter((e) => e.subject.id !== demoted.id)).toEqual([]);
  });

  it("tells the console and disconnects when the session ends", async () => {
    const token = await realtimeToken(orgA.agent, { sessionExpiresAt: Date.now() + 2_000 });
    const client = track(new TestClient(node.url, { token, reconnection: false }));
    await client.waitFor("connect");
    await client.waitFor("session:expired");
    await client.waitFor("disconnect");
    expect(client.entries("disconnect")[0]?.reason).toBe("io server disconnect");
  });
});

describe("topics", () => {
  it("answers subscriptions with the policy's decision, naming what it refuses", async () => {
    const agent = track(await openClient(node.url, { token: await realtimeToken(orgA.agent) }));
    const customer = track(await openClient(node.url, { token: await realtimeToken(orgA.customer) }));
    const subscribe = (client: TestClient, topics: string[]) =>
      client.socket.timeout(5_000).emitWithAck("topics:subscribe", { topics: topics as Topic[], since: 0 });

    expect(await subscribe(agent, ["calls", "extensions"])).toMatchObject({ ok: true, data: { backfilled: true } });
    expect(await subscribe(agent, ["webhooks"])).toEqual({ ok: false, error: { code: "forbidden", message: "your role cannot follow webhooks" } });
    expect(await subscribe(agent, [`ticket:${randomUUID()}`])).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await subscribe(customer, ["tickets", "calls"])).toMatchObject({
      ok: false,
      error: { code: "forbidden", message: "your role cannot follow calls" }
    });
    expect(await subscribe(agent, ["audience:anything"])).toMatchObject({
      ok: false,
      error: { code: "bad_request", message: expect.stringContaining("a topic is one of") }
    });

    const left = await agent.socket.timeout(5_000).emitWithAck("topics:unsubscribe", { topics: ["calls"] });
    expect(left.ok && left.data.topics.includes("calls")).toBe(false);
    expect(left.ok && left.data.topics.includes("extensions")).toBe(true);
  });
});
