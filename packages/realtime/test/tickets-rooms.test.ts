import { createTicket, setOfficeMembers, updateTicket, type ServiceDeps } from "@switchboard/db";
import { createTestDatabase, createTicketOrg, type TestDatabase, type TicketOrg, type WorldUser } from "@switchboard/db/testing";
import { MemoryEventLog } from "@switchboard/events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { realtimeToken } from "./helpers/identity";
import { startNode, type TestNode } from "./helpers/nodes";
import { openClient, type TestClient } from "./helpers/test-client";

let tdb: TestDatabase;
let deps: ServiceDeps;
let a: TicketOrg;
let b: TicketOrg;
let solo: TestNode;
const clients: TestClient[] = [];

async function connect(user: WorldUser): Promise<TestClient> {
  const client = await openClient(solo.url, { token: await realtimeToken(user), reconnection: false });
  clients.push(client);
  return client;
}

const join = (c: TestClient, room: string) => c.socket.timeout(5_000).emitWithAck("room:join", { room });

beforeAll(async () => {
  tdb = await createTestDatabase({ poolSize: 3 });
  deps = { db: tdb.database.client, box: tdb.box };
  a = await createTicketOrg(tdb.database.client, "A");
  b = await createTicketOrg(tdb.database.client, "B");
  solo = await startNode({ database: tdb.database, log: new MemoryEventLog() });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await solo?.stop();
  await tdb?.drop();
});

describe("office and ticket rooms", () => {
  it("let an agent into their office's room and its tickets' rooms, and nobody else's", async () => {
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

    expect(await join(ana, `office:${a.supportId}`)).toEqual({ ok: true, data: { room: `office:${a.supportId}` } });
    expect(await join(ana, `ticket:${support.id}`)).toMatchObject({ ok: true });
    expect(await join(ana, `office:${a.salesId}`)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await join(ana, `ticket:${sales.id}`)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await join(ana, `office:${b.supportId}`)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await join(ana, `ticket:${foreign.id}`)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await join(ana, "ticket:not-a-uuid")).toMatchObject({ ok: false, error: { code: "not_found" } });

    expect(await join(bo, `office:${a.salesId}`)).toMatchObject({ ok: true });
    expect(await join(bo, `ticket:${support.id}`)).toMatchObject({ ok: false, error: { code: "not_found" } });

    // Customers: their own ticket's room, never an office's or another customer's ticket.
    expect(await join(customer, `ticket:${support.id}`)).toMatchObject({ ok: true });
    expect(await join(customer, `ticket:${sales.id}`)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await join(customer, `office:${a.supportId}`)).toMatchObject({ ok: false, error: { code: "forbidden" } });

    expect(await join(admin, `ticket:${sales.id}`)).toMatchObject({ ok: true });
    expect(await join(admin, `ticket:${foreign.id}`)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("judge tickets and offices as they are now, and office membership from the next connection", async () => {
    const { ticket } = await createTicket(deps, a.supervisor, { subject: "Moving ticket", body: "x", officeId: a.salesId, customerId: a.customer.id });
    const before = await connect(a.cy);
    expect(await join(before, `ticket:${ticket.id}`)).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await join(before, `office:${a.salesId}`)).toMatchObject({ ok: false, error: { code: "forbidden" } });

    await setOfficeMembers(deps, a.admin, a.salesId, { userIds: [a.bo.id, a.cy.id] });
    const after = await connect(a.cy);
    expect(await join(after, `office:${a.salesId}`)).toMatchObject({ ok: true });
    expect(await join(after, `ticket:${ticket.id}`)).toMatchObject({ ok: true });
    // The connection from before the change keeps the offices it was opened with.
    expect(await join(before, `office:${a.salesId}`)).toMatchObject({ ok: false, error: { code: "forbidden" } });

    // Moved to Support, the ticket is out of Cy's reach at once (its facts are read on every join).
    await updateTicket(deps, a.supervisor, ticket.id, { officeId: a.supportId });
    expect(await join(after, `ticket:${ticket.id}`)).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});
