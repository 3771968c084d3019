import type { TicketViewers } from "@switchboard/contracts";
import { createTicket, updateTicket, type ServiceDeps } from "@switchboard/db";
import { createTestDatabase, createTicketOrg, type TestDatabase, type TicketOrg, type WorldUser } from "@switchboard/db/testing";
import { MemoryEventLog } from "@switchboard/events";
import { startPrivateRedis, waitFor, type PrivateRedis } from "@switchboard/events/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realtimeToken } from "./helpers/identity";
import { startNode, uniquePrefix, type TestNode } from "./helpers/nodes";
import { openClient, type TestClient } from "./helpers/test-client";

const TTL_MS = 1_200;
const TYPING_TTL_MS = 900;
let tdb: TestDatabase;
let redis: PrivateRedis;
let deps: ServiceDeps;
let a: TicketOrg;
let b: TicketOrg;
const prefix = uniquePrefix();
const log = new MemoryEventLog();
const nodes: TestNode[] = [];
const clients: TestClient[] = [];

async function node(clustered = true): Promise<TestNode> {
  const started = await startNode({
    database: tdb.database,
    log,
    ...(clustered ? { redis: { url: redis.url, keyPrefix: prefix } } : {}),
    options: { ticketPresenceTtlMs: TTL_MS, ticketTypingTtlMs: TYPING_TTL_MS, ticketAccessRecheckMs: 600 }
  });
  nodes.push(started);
  return started;
}

/** A console that records every viewer list it hears, keeping the newest per ticket like the web hook. */
class Console {
  readonly heard: TicketViewers[] = [];
  constructor(readonly client: TestClient) {
    client.socket.on("ticket:viewers", (snapshot) => this.heard.push(snapshot));
  }
  latest(ticketId: string): TicketViewers | undefined {
    return this.heard.filter((s) => s.ticketId === ticketId).reduce<TicketViewers | undefined>((best, s) => (!best || s.at >= best.at ? s : best), undefined);
  }
  viewersOf(ticketId: string): string[] {
    return (this.latest(ticketId)?.viewers ?? []).map((v) => `${v.name}${v.typing ? " (typing)" : ""}`).sort();
  }
  until(ticketId: string, expected: string[], timeoutMs = 10_000) {
    const want = [...expected].sort();
    return waitFor(() => JSON.stringify(this.viewersOf(ticketId)) === JSON.stringify(want), {
      timeoutMs,
      what: `${want.join(", ") || "nobody"} on the ticket (have ${this.viewersOf(ticketId).join(", ") || "nobody"})`
    });
  }
  get emit() {
    return this.client.socket.timeout(5_000);
  }
}

async function open(n: TestNode, user: WorldUser): Promise<Console> {
  const client = await openClient(n.url, { token: await realtimeToken(user), reconnection: false });
  clients.push(client);
  return new Console(client);
}

async function ticketIn(org: TicketOrg, officeId: string | null, customer = org.customer): Promise<string> {
  const { ticket } = await createTicket(deps, org.supervisor, { subject: "Printer on fire", body: "Help", officeId, customerId: customer.id });
  return ticket.id;
}

beforeAll(async () => {
  [tdb, redis] = await Promise.all([createTestDatabase({ poolSize: 4 }), startPrivateRedis()]);
  deps = { db: tdb.database.client, box: tdb.box };
  a = await createTicketOrg(tdb.database.client, "A");
  b = await createTicketOrg(tdb.database.client, "B");
});

afterAll(async () => {
  for (const c of clients) c.close();
  for (const n of nodes) await n.stop();
  await redis?.stop();
  await tdb?.drop();
});

describe("ticket viewers across nodes", () => {
  it("shows two agents on different nodes to each other, viewing then replying, and typing runs out on its own", async () => {
    const [one, two] = [await node(), await node()];
    const ticketId = await ticketIn(a, a.supportId);
    const ana = await open(one, a.ana);
    const sam = await open(two, a.supervisor);

    const first = await ana.emit.emitWithAck("ticket:watch", { ticketId });
    expect(first).toMatchObject({ ok: true, data: { ticketId, viewers: [{ userId: a.ana.id, name: a.ana.name, role: "agent", typing: false }] } });
    const joined = await sam.emit.emitWithAck("ticket:watch", { ticketId });
    expect(joined.ok && joined.data.viewers.map((v: { userId: string }) => v.userId)).toEqual([a.ana.id, a.supervisor.id]);
    await ana.until(ticketId, [a.ana.name, a.supervisor.name]);

    expect(await sam.emit.emitWithAck("ticket:typing", { ticketId, typing: true })).toEqual({ ok: true, data: null });
    await ana.until(ticketId, [a.ana.name, `${a.supervisor.name} (typing)`]);
    const typingSeen = Date.now();
    // No "stopped" message: typing must end by itself, on the other node, within its ttl (plus a beat).
    await ana.until(ticketId, [a.ana.name, a.supervisor.name], 5_000);
    expect(Date.now() - typingSeen).toBeGreaterThanOrEqual(TYPING_TTL_MS / 2);

    // Typing stopped explicitly is heard at once.
    await sam.emit.emitWithAck("ticket:typing", { ticketId, typing: true });
    await ana.until(ticketId, [a.ana.name, `${a.supervisor.name} (typing)`]);
    await sam.emit.emitWithAck("ticket:typing", { ticketId, typing: false });
    await ana.until(ticketId, [a.ana.name, a.supervisor.name], TYPING_TTL_MS / 2);

    expect(await sam.emit.emitWithAck("ticket:unwatch", { ticketId })).toEqual({ ok: true, data: null });
    await ana.until(ticketId, [a.ana.name]);
    await sam.emit.emitWithAck("ticket:watch", { ticketId, composing: true });
    await ana.until(ticketId, [a.ana.name, `${a.supervisor.name} (typing)`]);
    sam.client.close();
    await ana.until(ticketId, [a.ana.name]);
  });

  it("merges a user's tabs: they stay listed until the last tab leaves", async () => {
    const [one, two] = [await node(), await node()];
    const ticketId = await ticketIn(a, a.supportId);
    const observer = await open(one, a.admin);
    await observer.emit.emitWithAck("ticket:observe", { ticketIds: [ticketId] });
    const tab1 = await open(one, a.ana);
    const tab2 = await open(two, a.ana);
    await tab1.emit.emitWithAck("ticket:watch", { ticketId });
    await tab2.emit.emitWithAck("ticket:watch", { ticketId });
    await tab2.emit.emitWithAck("ticket:typing", { ticketId, typing: true });
    await observer.until(ticketId, [`${a.ana.name} (typing)`]);
    expect(observer.latest(ticketId)?.viewers).toHaveLength(1);
    tab2.client.close();
    await observer.until(ticketId, [a.ana.name]);
    tab1.client.close();
    await observer.until(ticketId, []);
  });

  it("keeps a present viewer listed through many ttls, and drops the viewers of a killed node within about a ttl", async () => {
    const [one, two] = [await node(), await node()];
    const ticketId = await ticketIn(a, a.supportId);
    const ana = await open(one, a.ana);
    const bo = await open(two, a.admin);
    await ana.emit.emitWithAck("ticket:watch", { ticketId });
    await bo.emit.emitWithAck("ticket:watch", { ticketId });
    await ana.until(ticketId, [a.ana.name, a.admin.name]);

    // Heartbeats refresh before expiry: across three ttls nobody ever hears the admin gone.
    const mark = ana.heard.length;
    await new Promise((resolve) => setTimeout(resolve, TTL_MS * 3));
    const dropped = ana.heard.slice(mark).filter((s) => s.ticketId === ticketId && !s.viewers.some((v) => v.userId === a.admin.id));
    expect(dropped).toEqual([]);
    expect(ana.viewersOf(ticketId)).toEqual([a.ana.name, a.admin.name].sort());

    // A crash: node two says nothing to Redis; its viewer expires and node one tells its sockets.
    const killedAt = Date.now();
    await two.kill();
    await ana.until(ticketId, [a.ana.name], TTL_MS * 4);
    expect(Date.now() - killedAt).toBeLessThan(TTL_MS * 3);
  });

  it("removes a stopped node's viewers at once, and re-lists everyone after Redis restarts empty", async () => {
    const [one, two] = [await node(), await node()];
    const ticketId = await ticketIn(a, a.supportId);
    const ana = await open(one, a.ana);
    const sam = await open(two, a.supervisor);
    await ana.emit.emitWithAck("ticket:watch", { ticketId });
    await sam.emit.emitWithAck("ticket:watch", { ticketId });
    await ana.until(ticketId, [a.ana.name, a.supervisor.name]);

    // Redis loses everything; the nodes' heartbeats put their viewers back.
    await redis.restart();
    const admin = await open(one, a.admin);
    await waitFor(
      async () => {
        const ack = await admin.emit
          .timeout(2_000)
          .emitWithAck("ticket:observe", { ticketIds: [ticketId] })
          .catch(() => undefined);
        return ack?.ok && ack.data.tickets[0]?.viewers.length === 2;
      },
      // Asked a few times a second: ticket messages are rate-limited per socket, a tight loop would be refused.
      { timeoutMs: 15_000, intervalMs: 250, what: "both viewers back after the Redis restart" }
    );

    // A graceful stop says goodbye: gone well before the ttl would have run out.
    const stoppedAt = Date.now();
    await two.stop();
    await ana.until(ticketId, [a.ana.name], TTL_MS);
    expect(Date.now() - stoppedAt).toBeLessThan(TTL_MS);
  });

  it("removes a socket's viewer when its connection is cut without a goodbye", async () => {
    const one = await node();
    const ticketId = await ticketIn(a, a.supportId);
    const ana = await open(one, a.ana);
    const sam = await open(one, a.supervisor);
    await ana.emit.emitWithAck("ticket:watch", { ticketId });
    await sam.emit.emitWithAck("ticket:watch", { ticketId });
    await ana.until(ticketId, [a.ana.name, a.supervisor.name]);
    // Cut the TCP connection under socket.io's feet: no disconnect packet, no unwatch.
    (sam.client.socket.io.engine as unknown as { transport: { ws?: { _socket?: { destroy(): void } } } }).transport.ws?._socket?.destroy();
    sam.client.socket.io.reconnection(false);
    await ana.until(ticketId, [a.ana.name], 10_000);
  });
});

describe("who may watch", () => {
  it("refuses customers, agents outside the ticket's office and other organizations, as if the ticket did not exist", async () => {
    const one = await node();
    const support = await ticketIn(a, a.supportId);
    const foreign = await ticketIn(b, b.supportId);
    const customer = await open(one, a.customer);
    const bo = await open(one, a.bo);
    const ana = await open(one, a.ana);
    const otherAdmin = await open(one, b.admin);

    expect(await customer.emit.emitWithAck("ticket:watch", { ticketId: support })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await customer.emit.emitWithAck("ticket:observe", { ticketIds: [support] })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await bo.emit.emitWithAck("ticket:watch", { ticketId: support })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await ana.emit.emitWithAck("ticket:watch", { ticketId: foreign })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await otherAdmin.emit.emitWithAck("ticket:watch", { ticketId: support })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await ana.emit.emitWithAck("ticket:watch", { ticketId: "not-a-uuid" })).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await ana.emit.emitWithAck("ticket:typing", { ticketId: support, typing: true })).toMatchObject({ ok: false, error: { code: "bad_request" } });

    // A list only ever hears about the tickets the viewer may read.
    const observed = await bo.emit.emitWithAck("ticket:observe", { ticketIds: [support, foreign] });
    expect(observed).toEqual({ ok: true, data: { tickets: [] } });
    await ana.emit.emitWithAck("ticket:watch", { ticketId: support });
    const admin = await open(one, a.admin);
    await admin.emit.emitWithAck("ticket:observe", { ticketIds: [support] });
    await admin.until(support, []);
    await ana.emit.emitWithAck("ticket:typing", { ticketId: support, typing: true });
    await admin.until(support, [`${a.ana.name} (typing)`]);
    expect(bo.heard).toEqual([]);
    expect(customer.heard).toEqual([]);
    expect(otherAdmin.heard).toEqual([]);
  });

  it("stops an agent hearing and appearing on a ticket moved out of their office", async () => {
    const one = await node();
    const ticketId = await ticketIn(a, a.supportId);
    const ana = await open(one, a.ana);
    const sam = await open(one, a.supervisor);
    await ana.emit.emitWithAck("ticket:watch", { ticketId });
    await sam.emit.emitWithAck("ticket:watch", { ticketId });
    await ana.until(ticketId, [a.ana.name, a.supervisor.name]);
    await sam.until(ticketId, [a.ana.name, a.supervisor.name]);

    await updateTicket(deps, a.supervisor, ticketId, { officeId: a.salesId });
    // Within a recheck: Ana's console is emptied and Sam no longer sees her.
    await sam.until(ticketId, [a.supervisor.name], 5_000);
    await ana.until(ticketId, [], 5_000);
    const heard = ana.heard.length;
    await sam.emit.emitWithAck("ticket:typing", { ticketId, typing: true });
    await sam.until(ticketId, [`${a.supervisor.name} (typing)`]);
    expect(ana.heard.slice(heard)).toEqual([]);
    expect(await ana.emit.emitWithAck("ticket:watch", { ticketId })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("rate-limits a flood of typing messages", async () => {
    const one = await node();
    const ticketId = await ticketIn(a, a.supportId);
    const ana = await open(one, a.ana);
    await ana.emit.emitWithAck("ticket:watch", { ticketId });
    const acks = await Promise.all(Array.from({ length: 40 }, () => ana.emit.emitWithAck("ticket:typing", { ticketId, typing: true })));
    expect(acks.filter((ack) => !ack.ok && ack.error.code === "rate_limited").length).toBeGreaterThan(0);
  });
});

describe("embedded mode (no Redis)", () => {
  it("lists viewers, runs typing out and removes a closed tab on a single node", async () => {
    const solo = await node(false);
    const ticketId = await ticketIn(a, a.supportId);
    const ana = await open(solo, a.ana);
    const sam = await open(solo, a.supervisor);
    await ana.emit.emitWithAck("ticket:watch", { ticketId });
    await sam.emit.emitWithAck("ticket:watch", { ticketId, composing: true });
    await ana.until(ticketId, [a.ana.name, `${a.supervisor.name} (typing)`]);
    await ana.until(ticketId, [a.ana.name, a.supervisor.name], 5_000);
    sam.client.close();
    await ana.until(ticketId, [a.ana.name]);
  });
});
