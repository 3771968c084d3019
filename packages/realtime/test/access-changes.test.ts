import { replyCreateSchema, type DomainEvent } from "@switchboard/contracts";
import { createTicket, replyToTicket, setOfficeMembers, signOutEverywhere, updateUser, type ServiceDeps } from "@switchboard/db";
import { createTestDatabase, createTicketOrg, type TestDatabase, type TicketOrg, type WorldUser } from "@switchboard/db/testing";
import { startPrivateRedis, waitFor, type PrivateRedis } from "@switchboard/events/testing";
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realtimeToken, sessionCookie, type SessionFor } from "./helpers/identity";
import { startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { openClient, TestClient } from "./helpers/test-client";

/**
 * G7 on two nodes: a change of someone's access reaches every open socket of theirs, on every
 * node, within a second — the socket's viewer is swapped (it stops receiving what it may no longer
 * see, starts receiving what it now may) or the socket is ended with a reason, and the old session
 * cannot come back. Without the access watch each of these sockets keeps its handshake's access.
 */

let tdb: TestDatabase;
let redis: PrivateRedis;
let writer: Writer;
let deps: ServiceDeps;
let one: TestNode;
let two: TestNode;
const prefix = uniquePrefix();
const clients: TestClient[] = [];
let worlds = 0;

beforeAll(async () => {
  [tdb, redis] = await Promise.all([createTestDatabase({ poolSize: 8 }), startPrivateRedis()]);
  deps = { db: tdb.database.client, box: tdb.box };
  writer = await startWriter(tdb.database, redis.url, prefix);
  [one, two] = await Promise.all([
    startClusterNode({ databaseUrl: tdb.url, redisUrl: redis.url, keyPrefix: prefix }),
    startClusterNode({ databaseUrl: tdb.url, redisUrl: redis.url, keyPrefix: prefix })
  ]);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.all([one?.stop(), two?.stop()]);
  await writer?.stop();
  await redis?.stop();
  await tdb?.drop();
});

function track(client: TestClient): TestClient {
  clients.push(client);
  return client;
}

/** One socket on each node, as a console would open them: a cookie on one, a realtime token on the other. */
async function onBothNodes(user: SessionFor): Promise<[TestClient, TestClient]> {
  return [
    track(await openClient(one.url, { cookie: await sessionCookie(user), reconnection: false })),
    track(await openClient(two.url, { token: await realtimeToken(user), reconnection: false }))
  ];
}

async function world(): Promise<TicketOrg> {
  return createTicketOrg(tdb.database.client, `W${++worlds}`);
}

function accessChanges(client: TestClient): number {
  return client.timeline.filter((entry) => entry.type === "access:changed").length;
}

/** Resolves once both sockets heard of the change; returns how long that took after `since`. */
async function heardWithin(clients: TestClient[], heard: (c: TestClient) => boolean, since: number): Promise<number> {
  await waitFor(() => clients.every(heard), { timeoutMs: 10_000, what: "both sockets to hear of the access change" });
  return Date.now() - since;
}

async function internalNote(org: TicketOrg, author: WorldUser, officeId: string | null, marker: string) {
  const { ticket } = await createTicket(deps, org.supervisor, { subject: `T ${marker}`, body: "b", officeId, customerId: org.customer.id });
  await replyToTicket(deps, author, ticket.id, replyCreateSchema.parse({ body: marker, internal: true }));
  return ticket;
}

async function startCall(org: TicketOrg, marker: string) {
  return tdb.database.client.call.create({
    data: {
      organizationId: org.orgId,
      pbxCallId: marker,
      direction: "inbound",
      state: "ringing",
      fromNumber: "+15550001111",
      toNumber: "101",
      startedAt: new Date()
    }
  });
}

const mentions = (events: readonly DomainEvent[], text: string) => events.some((e) => JSON.stringify(e).includes(text));

describe("access changes on open sockets (two nodes)", () => {
  it("demoting an agent to customer stops internal notes and call events on both of their sockets within a second", async () => {
    const org = await world();
    const ana = await onBothNodes(org.ana);
    const [watcher] = await onBothNodes(org.supervisor);
    // Before: both of Ana's sockets get internal notes of her office and call events.
    await internalNote(org, org.supervisor, org.supportId, "NOTE-BEFORE");
    await startCall(org, "CALL-BEFORE");
    for (const c of ana)
      await waitFor(() => mentions(c.events, "NOTE-BEFORE") && mentions(c.events, "CALL-BEFORE"), { timeoutMs: 10_000, what: "events before" });

    const started = Date.now();
    await updateUser(deps, org.admin, org.ana.id, { role: "customer" });
    expect(await heardWithin(ana, (c) => accessChanges(c) === 1, started)).toBeLessThan(1_000);
    // Same stream, strictly after: the note and the call reach the untouched agent, not Ana.
    await internalNote(org, org.supervisor, org.supportId, "NOTE-AFTER");
    await startCall(org, "CALL-AFTER");
    await waitFor(() => mentions(watcher?.events ?? [], "NOTE-AFTER") && mentions(watcher?.events ?? [], "CALL-AFTER"), { timeoutMs: 10_000, what: "control" });
    const sentinel = await createTicket(deps, org.supervisor, { subject: "SENTINEL", body: "b", customerId: org.ana.id });
    for (const c of ana) {
      await waitFor(() => mentions(c.events, sentinel.ticket.id), { timeoutMs: 10_000, what: "the sentinel (her own ticket now)" });
      expect(mentions(c.events, "NOTE-AFTER")).toBe(false);
      expect(mentions(c.events, "CALL-AFTER")).toBe(false);
      expect(c.socket.connected).toBe(true);
      // She sees her own ticket as a customer does.
      expect(c.events.find((e) => e.subject.id === sentinel.ticket.id)?.data).toMatchObject({ view: "customer" });
    }
  });

  it("removing an agent from an office stops that office's tickets; adding one starts them", async () => {
    const org = await world();
    const ana = await onBothNodes(org.ana);
    const [watcher] = await onBothNodes(org.supervisor);

    const started = Date.now();
    await setOfficeMembers(deps, org.admin, org.supportId, { userIds: [] });
    expect(await heardWithin(ana, (c) => accessChanges(c) === 1, started)).toBeLessThan(1_000);
    await createTicket(deps, org.customer, { subject: "SUPPORT-AFTER-REMOVAL", body: "b", officeId: org.supportId });

    await updateUser(deps, org.admin, org.ana.id, { officeIds: [org.salesId] });
    await heardWithin(ana, (c) => accessChanges(c) === 2, started);
    await createTicket(deps, org.customer, { subject: "SALES-AFTER-JOINING", body: "b", officeId: org.salesId });

    await waitFor(() => mentions(watcher?.events ?? [], "SALES-AFTER-JOINING"), { timeoutMs: 10_000, what: "control" });
    for (const c of ana) {
      await waitFor(() => mentions(c.events, "SALES-AFTER-JOINING"), { timeoutMs: 10_000, what: "the new office's ticket" });
      expect(mentions(c.events, "SUPPORT-AFTER-REMOVAL")).toBe(false);
    }
  });

  it("deactivating a user ends both sockets with the reason, and the old session cannot reconnect", async () => {
    const org = await world();
    const ana = await onBothNodes(org.ana);
    const started = Date.now();
    await updateUser(deps, org.admin, org.ana.id, { status: "deactivated" });
    const ended = (c: TestClient) => c.timeline.some((e) => e.type === "session:ended") && !c.socket.connected;
    expect(await heardWithin(ana, ended, started)).toBeLessThan(1_000);
    for (const c of ana) {
      expect(c.timeline.find((e) => e.type === "session:ended")).toMatchObject({ info: { reason: "deactivated", message: "Your account was deactivated" } });
      expect(c.entries("disconnect").at(-1)?.reason).toBe("io server disconnect");
    }
    const byCookie = track(new TestClient(one.url, { cookie: await sessionCookie(org.ana), reconnection: false }));
    const byToken = track(new TestClient(two.url, { token: await realtimeToken(org.ana), reconnection: false }));
    for (const c of [byCookie, byToken]) expect((await c.connectError()).data?.code).toBe("account_deactivated");
  });

  it("signing out everywhere ends both sockets; only a session issued afterwards connects", async () => {
    const org = await world();
    const ana = await onBothNodes(org.ana);
    const started = Date.now();
    await signOutEverywhere(tdb.database.client, org.ana);
    const ended = (c: TestClient) => c.timeline.some((e) => e.type === "session:ended") && !c.socket.connected;
    expect(await heardWithin(ana, ended, started)).toBeLessThan(1_000);
    expect(ana[0]?.timeline.find((e) => e.type === "session:ended")).toMatchObject({ info: { reason: "signed_out" } });
    const old = track(new TestClient(two.url, { cookie: await sessionCookie(org.ana), reconnection: false }));
    expect((await old.connectError()).data?.code).toBe("session_revoked");
    const fresh = track(await openClient(two.url, { cookie: await sessionCookie({ ...org.ana, sessionVersion: 2 }), reconnection: false }));
    expect(fresh.socket.connected).toBe(true);
  });

  it("a demoted socket leaves presence: it hears no more joins, and staff see its new role", async () => {
    const org = await world();
    const [ana] = await onBothNodes(org.ana);
    const [sam] = await onBothNodes(org.supervisor);
    if (!ana || !sam) throw new Error("no sockets");
    await updateUser(deps, org.admin, org.ana.id, { role: "customer" });
    await waitFor(() => accessChanges(ana) === 1, { timeoutMs: 10_000, what: "access change" });
    await waitFor(() => sam.timeline.some((e) => e.type === "presence:joined" && e.member.userId === org.ana.id && e.member.role === "customer"), {
      timeoutMs: 10_000,
      what: "staff to see Ana as a customer"
    });
    const heardBefore = ana.entries("presence:changed").length;
    track(await openClient(two.url, { token: await realtimeToken(org.bo), reconnection: false }));
    await waitFor(() => sam.timeline.some((e) => e.type === "presence:joined" && e.member.userId === org.bo.id), { timeoutMs: 10_000, what: "Bo online" });
    expect(ana.entries("presence:changed").length).toBe(heardBefore);
  });

  it("a raw socket.io client sees the reason before the server closes it", async () => {
    const org = await world();
    const socket = io(one.url, { transports: ["websocket"], forceNew: true, reconnection: false, auth: { token: await realtimeToken(org.bo) } });
    const reasons: string[] = [];
    socket.on("session:ended", (info) => reasons.push(info.message));
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    await updateUser(deps, org.supervisor, org.bo.id, { status: "deactivated" });
    await waitFor(() => (socket.connected ? undefined : true), { timeoutMs: 10_000, what: "disconnect" });
    expect(reasons).toEqual(["Your account was deactivated"]);
  });
});
