import { viewEventFor, type Viewer } from "@switchboard/auth";
import { replyCreateSchema, type DomainEvent } from "@switchboard/contracts";
import { createTicket, DomainError, replyToTicket, toEnvelope, updateTicket, type ServiceDeps } from "@switchboard/db";
import { createTestDatabase, createTicketOrg, prng, type TestDatabase, type TicketOrg, type WorldUser } from "@switchboard/db/testing";
import { startPrivateRedis, waitFor, type PrivateRedis } from "@switchboard/events/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realtimeToken } from "./helpers/identity";
import { startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import { openClient, type TestClient } from "./helpers/test-client";

/**
 * The per-viewer ticket filter through real sockets: live on two nodes, after a reconnect with
 * replay, and in a full replay. Whether viewEventFor itself decides right is proven against an
 * independent oracle in packages/db/src/services/tickets-events.test.ts; here the question is
 * whether every socket gets exactly what viewEventFor allows, nothing more, nothing twice.
 */

let tdb: TestDatabase;
let redis: PrivateRedis;
let writer: Writer;
let deps: ServiceDeps;
let a: TicketOrg;
let b: TicketOrg;
const prefix = uniquePrefix();
const nodes: TestNode[] = [];
const clients: TestClient[] = [];

async function node(): Promise<TestNode> {
  const started = await startClusterNode({ databaseUrl: tdb.url, redisUrl: redis.url, keyPrefix: prefix });
  nodes.push(started);
  return started;
}

async function connect(n: TestNode, user: WorldUser, lastSeq?: number): Promise<TestClient> {
  const client = await openClient(n.url, { token: await realtimeToken(user), lastSeq, reconnection: false });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  [tdb, redis] = await Promise.all([createTestDatabase({ poolSize: 6 }), startPrivateRedis()]);
  deps = { db: tdb.database.client, box: tdb.box };
  writer = await startWriter(tdb.database, redis.url, prefix);
  a = await createTicketOrg(tdb.database.client, "A");
  b = await createTicketOrg(tdb.database.client, "B");
});

afterAll(async () => {
  for (const c of clients) c.close();
  for (const n of nodes) await n.stop();
  await writer?.stop();
  await redis?.stop();
  await tdb?.drop();
});

/** Every committed event of both organizations, as the relay publishes them. */
async function allEvents(): Promise<DomainEvent[]> {
  const rows = await tdb.database.raw.outboxEvent.findMany({ orderBy: [{ createdAt: "asc" }, { seq: "asc" }] });
  return rows.map(toEnvelope);
}

const ticketEvents = (events: readonly DomainEvent[]) => events.filter((e) => e.type.startsWith("ticket.") || e.type.startsWith("notification."));
const normalized = (events: readonly DomainEvent[]) =>
  ticketEvents(events)
    .map((e) => JSON.parse(JSON.stringify(e)) as DomainEvent)
    .sort((x, y) => x.seq - y.seq);

describe("ticket events through real sockets (200 random operations)", () => {
  it("hand a customer none of the internal notes or others' tickets and an agent exactly what the policy allows, live, after a reconnect and in a replay", async () => {
    const [one, two] = [await node(), await node()];
    const customerViewer: Viewer = { id: a.customer.id, orgId: a.orgId, role: "customer" };
    const agentViewer: Viewer = { id: a.ana.id, orgId: a.orgId, role: "agent", officeIds: [a.supportId] };
    const start = (await allEvents()).filter((e) => e.orgId === a.orgId).reduce((max, e) => Math.max(max, e.seq), 0);

    let customer = await connect(one, a.customer, start);
    let agent = await connect(two, a.ana, start);
    const customerSockets = [customer];
    const agentSockets = [agent];

    const rnd = prng(5_2026);
    const tickets: { id: string; org: TicketOrg }[] = [];
    const internalMarkers: string[] = [];
    const foreignSubjects: string[] = [];
    let failures = 0;
    for (let i = 0; i < 200; i++) {
      if (i === 120) {
        // Both consoles drop; the next 40 operations happen while they are away; they come back on the other node.
        customer.close();
        agent.close();
      }
      if (i === 160) {
        customer = await connect(two, a.customer, customer.lastSeq);
        agent = await connect(one, a.ana, agent.lastSeq);
        customerSockets.push(customer);
        agentSockets.push(agent);
      }
      const org = rnd.next() < 0.2 ? b : a;
      const staff: WorldUser[] = [org.admin, org.supervisor, org.ana, org.bo, org.cy];
      const mine = tickets.filter((x) => x.org === org);
      const kind = mine.length < 3 ? "create" : rnd.pick(["create", "reply", "note", "note", "status", "assign", "office"] as const);
      const target = mine.length ? rnd.pick(mine).id : "";
      try {
        switch (kind) {
          case "create": {
            const owner = rnd.pick([org.customer, org.otherCustomer]);
            const subject = `SUBJECT-${i}-${owner.name}`;
            if (owner.id !== a.customer.id) foreignSubjects.push(subject);
            const onBehalf = rnd.next() < 0.5;
            const officeId = rnd.pick([org.supportId, org.salesId, null]);
            const { ticket } = await createTicket(deps, onBehalf ? org.supervisor : owner, {
              subject,
              body: `BODY-${i}`,
              officeId,
              ...(onBehalf ? { customerId: owner.id, assigneeId: rnd.pick([null, org.ana.id, org.bo.id]) } : {})
            });
            tickets.push({ id: ticket.id, org });
            break;
          }
          case "reply":
            await replyToTicket(deps, rnd.pick([org.customer, org.otherCustomer, ...staff]), target, replyCreateSchema.parse({ body: `PUBLIC-${i}` }));
            break;
          case "note": {
            const marker = `INTERNAL-NOTE-${i}`;
            internalMarkers.push(marker);
            await replyToTicket(
              deps,
              rnd.pick([...staff, org.customer]),
              target,
              replyCreateSchema.parse({ body: `${marker} @${org.ana.name.split(" ")[0]}`, internal: true })
            );
            break;
          }
          case "status":
            await updateTicket(deps, rnd.pick(staff), target, { status: rnd.pick(["open", "pending", "on_hold", "resolved", "closed"]) });
            break;
          case "assign":
            await updateTicket(deps, rnd.pick(staff), target, { assigneeId: rnd.pick([null, org.ana.id, org.bo.id, org.cy.id]) });
            break;
          case "office":
            await updateTicket(deps, rnd.pick([org.supervisor, org.ana]), target, { officeId: rnd.pick([org.supportId, org.salesId, null]) });
            break;
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        failures++;
      }
    }
    // A last event both may see: once it arrived, everything before it has (delivery is in seq order).
    const { ticket: sentinel } = await createTicket(deps, a.customer, { subject: "SENTINEL", body: "last", officeId: a.supportId });
    const sentinelArrived = (c: TestClient) =>
      waitFor(() => c.events.some((e) => e.type === "ticket.created" && e.subject.id === sentinel.id), { what: "sentinel" });
    await Promise.all([sentinelArrived(customer), sentinelArrived(agent)]);

    const events = (await allEvents()).filter((e) => e.seq > start || e.orgId !== a.orgId);
    const expectedFor = (viewer: Viewer) => normalized(events.flatMap((e) => viewEventFor(viewer, e) ?? []).filter((e) => e.seq > start));
    const receivedBy = (sockets: TestClient[]) => normalized(sockets.flatMap((c) => c.events));

    const customerExpected = expectedFor(customerViewer);
    const agentExpected = expectedFor(agentViewer);
    // The run exercised what it should: failures, notes, both orgs, a customer and an agent who see different things.
    expect(failures).toBeGreaterThan(0);
    expect(internalMarkers.length).toBeGreaterThan(10);
    expect(events.some((e) => e.orgId === b.orgId)).toBe(true);
    expect(customerExpected.length).toBeGreaterThan(5);
    expect(agentExpected.length).toBeGreaterThan(customerExpected.length);

    // Exactly the allowed events, each once, payloads as filtered, across live, reconnect and replay.
    expect(receivedBy(customerSockets)).toEqual(customerExpected);
    expect(receivedBy(agentSockets)).toEqual(agentExpected);
    const replayed = customer.entries("sync:done")[0]?.info.replayed ?? 0;
    expect(replayed).toBeGreaterThan(0);

    const customerText = JSON.stringify(receivedBy(customerSockets));
    for (const marker of internalMarkers) expect(customerText).not.toContain(marker);
    for (const subject of foreignSubjects) expect(customerText).not.toContain(subject);
    expect(JSON.stringify(receivedBy(agentSockets))).not.toContain(b.orgId);

    // A console opened afresh replays the whole run: still exactly the allowed events.
    const [freshCustomer, freshAgent] = [await connect(one, a.customer, start), await connect(two, a.ana, start)];
    expect(normalized(freshCustomer.events)).toEqual(customerExpected);
    expect(normalized(freshAgent.events)).toEqual(agentExpected);
  });
});
