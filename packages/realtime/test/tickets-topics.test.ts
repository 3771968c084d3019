import type { Topic } from "@switchboard/contracts";
import { createTicket, replyToTicket, setOfficeMembers, updateTicket, type ServiceDeps } from "@switchboard/db";
import { createTestDatabase, createTicketOrg, type TestDatabase, type TicketOrg, type WorldUser } from "@switchboard/db/testing";
import { MemoryEventLog, createRelay, type Relay } from "@switchboard/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realtimeToken } from "./helpers/identity";
import { startNode, testLogger, type TestNode } from "./helpers/nodes";
import { openClient, type TestClient } from "./helpers/test-client";

let tdb: TestDatabase;
let deps: ServiceDeps;
let a: TicketOrg;
let b: TicketOrg;
let solo: TestNode;
let relay: Relay;
const clients: TestClient[] = [];

async function connectWith(user: WorldUser, topics?: Partial<Record<Topic, number>>): Promise<TestClient> {
  const client = await openClient(solo.url, { token: await realtimeToken(user), reconnection: false, topics });
  clients.push(client);
  return client;
}
const connect = (user: WorldUser) => connectWith(user);

const subscribe = (c: TestClient, ticketId: string) =>
  c.socket.timeout(5_000).emitWithAck("topics:subscribe", { topics: [`ticket:${ticketId}` as Topic], since: Number.MAX_SAFE_INTEGER });

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 3 });
  deps = { db: tdb.database.client, box: tdb.box };
  a = await createTicketOrg(tdb.database.client, "A");
  b = await createTicketOrg(tdb.database.client, "B");
  const log = new MemoryEventLog();
  relay = createRelay({ database: tdb.database, log, logger: testLogger() });
  relay.start();
  solo = await startNode({ database: tdb.database, log });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await solo?.stop();
  await relay?.stop();
  await tdb?.drop();
});

describe("ticket topics", () => {
  it("let a console follow exactly the tickets its user may read, hiding the rest as not found", async () => {
    const { ticket: support } = await createTicket(deps, a.supervisor, {
      subject: "Support ticket",
      body: "x",
      officeId: a.supportId,
      customerId: a.customer.id
    });
    const { ticket: sales } = await createTicket(deps, a.supervisor, {
      subject: "Sales ticket",
      body: "x",
      officeId: a.salesId,
      customerId: a.otherCustomer.id
    });
    const { ticket: foreign } = await createTicket(deps, b.supervisor, { subject: "B ticket", body: "x", officeId: b.supportId, customerId: b.customer.id });
    const [ana, bo, customer, admin] = [await connect(a.ana), await connect(a.bo), await connect(a.customer), await connect(a.admin)];

    expect(await subscribe(ana, support.id)).toMatchObject({ ok: true });
    expect(await subscribe(ana, sales.id)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await subscribe(ana, foreign.id)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await subscribe(ana, "not-a-uuid")).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await subscribe(bo, sales.id)).toMatchObject({ ok: true });
    expect(await subscribe(bo, support.id)).toMatchObject({ ok: false, error: { code: "not_found" } });
    // Customers: their own ticket, never another customer's.
    expect(await subscribe(customer, support.id)).toMatchObject({ ok: true });
    expect(await subscribe(customer, sales.id)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await subscribe(admin, sales.id)).toMatchObject({ ok: true });
    expect(await subscribe(admin, foreign.id)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("judge a ticket as it is now, and office membership from the next connection", async () => {
    const { ticket } = await createTicket(deps, a.supervisor, { subject: "Moving ticket", body: "x", officeId: a.salesId, customerId: a.customer.id });
    const before = await connect(a.cy);
    expect(await subscribe(before, ticket.id)).toMatchObject({ ok: false, error: { code: "not_found" } });

    await setOfficeMembers(deps, a.admin, a.salesId, { userIds: [a.bo.id, a.cy.id] });
    const after = await connect(a.cy);
    expect(await subscribe(after, ticket.id)).toMatchObject({ ok: true });

    // Moved to Support, the ticket is out of Cy's reach at once (its facts are read on every subscription).
    await updateTicket(deps, a.supervisor, ticket.id, { officeId: a.supportId });
    expect(await subscribe(after, ticket.id)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("sends a console holding one ticket's topic that ticket's changes and replies, and no other ticket's", async () => {
    const { ticket: shown } = await createTicket(deps, a.supervisor, { subject: "Shown", body: "x", officeId: a.supportId, customerId: a.customer.id });
    const { ticket: other } = await createTicket(deps, a.supervisor, { subject: "Other", body: "x", officeId: a.supportId, customerId: a.customer.id });
    const ana = await connectWith(a.ana, { [`ticket:${shown.id}`]: 0 });

    await replyToTicket(deps, a.supervisor, other.id, { body: "not for this page", internal: false, attachments: [] });
    await updateTicket(deps, a.supervisor, other.id, { priority: "high" });
    await replyToTicket(deps, a.supervisor, shown.id, { body: "for this page", internal: false, attachments: [] });
    await updateTicket(deps, a.supervisor, shown.id, { priority: "urgent" });

    const events = await ana.waitForEvents(2);
    expect(events.map((e) => [e.type, e.subject.id])).toEqual([
      ["ticket.reply_created", shown.id],
      ["ticket.updated", shown.id]
    ]);
    await subscribe(ana, shown.id);
    expect(ana.events).toHaveLength(2);
  });
});
