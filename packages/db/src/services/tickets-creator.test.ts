import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "../client/create-client";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld } from "../testing/ticket-test-world";
import { type TicketOrg } from "../testing/ticket-world";
import { replyInput } from "../testing/edge-input";
import type { ServiceDeps } from "./extensions";
import { getTicket, listTickets } from "./tickets";
import { updateTicket } from "./tickets-change";
import { createTicket } from "./tickets-create";
import { replyToTicket } from "./tickets-reply";
import { ticketQuery } from "../testing/edge-input";

let t: TestDatabase;
let db: DbClient;
let deps: ServiceDeps;
let w: TicketOrg;

beforeAll(async () => {
  ({ t, db, deps, orgA: w } = await createTicketTestWorld());
});
afterAll(() => t.drop());

const inboxOf = (userId: string, ticketId: string) => db.notification.findMany({ where: { userId, ticketId }, select: { kind: true } });

describe("the creator of a ticket", () => {
  it("reads it without an office or an assignee, finds it in the list, and keeps it after it moves to another office", async () => {
    const { ticket } = await createTicket(deps, w.cy, { subject: "Call from 555-0101", body: "Caller wants a callback" });
    expect((await getTicket(deps, w.cy, ticket.id)).ticket.id).toBe(ticket.id);
    const listed = async () => (await listTickets(deps, w.cy, ticketQuery({}))).data.map((v) => v.id);
    expect(await listed()).toContain(ticket.id);
    await updateTicket(deps, w.supervisor, ticket.id, { officeId: w.salesId });
    expect((await getTicket(deps, w.cy, ticket.id)).ticket.id).toBe(ticket.id);
    expect(await listed()).toContain(ticket.id);
  });
});

describe("notifications follow who may open the ticket", () => {
  it("skips a recipient who may not open it and keeps those who may", async () => {
    // Ana (Support) is recorded as the customer of a Sales ticket someone else opened: she may not open it.
    const { ticket } = await createTicket(deps, w.supervisor, { subject: "Headset for Ana", body: "Order one", officeId: w.salesId, customerId: w.ana.id });
    await replyToTicket(deps, w.bo, ticket.id, replyInput({ body: "Ordered" }));
    expect(await inboxOf(w.ana.id, ticket.id)).toEqual([]);

    // Cy opened this one for herself; it moved to Sales, and she may still open it, so she hears of replies.
    const own = (await createTicket(deps, w.cy, { subject: "My headset", body: "Broken", officeId: w.supportId })).ticket;
    await updateTicket(deps, w.supervisor, own.id, { officeId: w.salesId });
    await replyToTicket(deps, w.bo, own.id, replyInput({ body: "On its way" }));
    expect(await inboxOf(w.cy.id, own.id)).toEqual([{ kind: "reply" }]);
  });
});
