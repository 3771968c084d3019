import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "../client/create-client";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld } from "../testing/ticket-test-world";
import { type TicketOrg } from "../testing/ticket-world";
import { replyInput } from "../testing/edge-input";
import type { ServiceDeps } from "./extensions";
import { updateTicket } from "./tickets-change";
import { createTicket } from "./tickets-create";
import { listUnreadTicketIds, markTicketRead } from "./tickets-reads";
import { replyToTicket } from "./tickets-reply";

let t: TestDatabase;
let db: DbClient;
let deps: ServiceDeps;
let w: TicketOrg;

beforeAll(async () => {
  ({ t, db, deps, orgA: w } = await createTicketTestWorld());
});
afterAll(() => t.drop());

const rowOf = (id: string) =>
  db.ticket.findUniqueOrThrow({ where: { id }, select: { updatedAt: true, status: true, lastCustomerReplyAt: true, version: true } });

describe("replies and the ticket they answer", () => {
  it("every reply moves the ticket's Updated; a customer's reopens a pending ticket and is remembered as the last customer reply", async () => {
    const { ticket } = await createTicket(deps, w.customer, { subject: "Fax", body: "No fax tone", officeId: w.supportId });
    await updateTicket(deps, w.ana, ticket.id, { status: "pending" });
    const before = await rowOf(ticket.id);

    const staffReply = await replyToTicket(deps, w.ana, ticket.id, replyInput({ body: "Which number?" }));
    const afterStaff = await rowOf(ticket.id);
    expect(afterStaff.updatedAt.toISOString()).toBe(staffReply.createdAt);
    expect(afterStaff.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    expect(afterStaff.lastCustomerReplyAt).toBeNull();
    expect(afterStaff.version).toBe(before.version);

    const customerReply = await replyToTicket(deps, w.customer, ticket.id, replyInput({ body: "555-0100" }));
    const afterCustomer = await rowOf(ticket.id);
    expect(afterCustomer.lastCustomerReplyAt?.toISOString()).toBe(customerReply.createdAt);
    expect(afterCustomer.status).toBe("open");
    expect(afterCustomer.updatedAt.getTime()).toBeGreaterThanOrEqual(new Date(customerReply.createdAt).getTime());
  });
});

describe("unread customer replies, per staff viewer", () => {
  it("are unread until each staff member opens the ticket after them, and never listed to customers", async () => {
    const { ticket } = await createTicket(deps, w.customer, { subject: "Voicemail", body: "Full", officeId: w.supportId });
    expect(await listUnreadTicketIds(deps, w.ana, [ticket.id])).toEqual([]);
    await replyToTicket(deps, w.customer, ticket.id, replyInput({ body: "Still full" }));
    expect(await listUnreadTicketIds(deps, w.ana, [ticket.id])).toEqual([ticket.id]);
    expect(await listUnreadTicketIds(deps, w.supervisor, [ticket.id])).toEqual([ticket.id]);
    // Bo (Sales) may not read it: not his to be told about.
    expect(await listUnreadTicketIds(deps, w.bo, [ticket.id])).toEqual([]);
    expect(await listUnreadTicketIds(deps, w.customer, [ticket.id])).toEqual([]);

    await markTicketRead(deps, w.ana, ticket.id);
    expect(await listUnreadTicketIds(deps, w.ana, [ticket.id])).toEqual([]);
    expect(await listUnreadTicketIds(deps, w.supervisor, [ticket.id])).toEqual([ticket.id]);

    await replyToTicket(deps, w.customer, ticket.id, replyInput({ body: "Hello?" }));
    expect(await listUnreadTicketIds(deps, w.ana, [ticket.id])).toEqual([ticket.id]);
  });

  it("refuses to mark a ticket the viewer may not read, as not found", async () => {
    const { ticket } = await createTicket(deps, w.customer, { subject: "Secret", body: "x", officeId: w.supportId });
    await expect(markTicketRead(deps, w.bo, ticket.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.ticketRead.count({ where: { ticketId: ticket.id } })).toBe(0);
  });
});
