import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "../client/create-client";
import type { TestDatabase } from "../testing/test-database";
import { ticketQuery } from "../testing/edge-input";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import type { TicketOrg } from "../testing/ticket-world";
import type { ServiceDeps } from "./extensions";
import { countTickets, listTickets } from "./tickets";
import { createTicket } from "./tickets-create";
import { listMentionableStaff } from "./tickets-mentionable";
import { mentionedStaff } from "./tickets-notify";
import { ticketNames } from "../views/ticket-view";

let t: TestDatabase;
let db: DbClient;
let deps: ServiceDeps;
let w: TicketOrg;
let other: TicketOrg;

beforeAll(async () => {
  ({ t, db, deps, orgA: w, orgB: other } = await createTicketTestWorld());
});
afterAll(() => t.drop());

describe("mention suggestions", () => {
  it("offer the active staff who may read the ticket, with handles the mention parser reads back", async () => {
    const { ticket } = await createTicket(deps, w.customer, { subject: "Echo", body: "On every call", officeId: w.supportId });
    const gone = await db.user.create({
      data: { organizationId: w.orgId, role: "agent", name: "Gil Gone", email: `gil-${Date.now()}@example.test`, status: "deactivated", passwordHash: "x" }
    });
    await db.officeMember.create({ data: { officeId: w.supportId, userId: gone.id } });
    const candidates = await listMentionableStaff(deps, w.ana, ticket.id);
    // Bo (Sales) and Cy (no office) cannot open a Support ticket; customers and deactivated staff are never offered.
    expect(candidates.map((c) => c.name)).toEqual([w.admin.name, w.ana.name, w.supervisor.name].sort());
    const row = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id }, include: ticketNames });
    for (const c of candidates) expect(await mentionedStaff(db, row, `Could @${c.handle} have a look?`)).toEqual([c.id]);
  });

  it("are for staff only, and only on tickets they may read", async () => {
    const { ticket } = await createTicket(deps, w.customer, { subject: "Billing", body: "Invoice", officeId: w.salesId });
    expect((await rejectionOf(listMentionableStaff(deps, w.customer, ticket.id))).code).toBe("forbidden");
    expect((await rejectionOf(listMentionableStaff(deps, w.ana, ticket.id))).code).toBe("not_found");
    expect((await rejectionOf(listMentionableStaff(deps, other.admin, ticket.id))).code).toBe("not_found");
  });
});

describe("overdue tickets and saved-view counts", () => {
  it("find tickets past their SLA that still wait for an answer, for staff only", async () => {
    const late = await createTicket(deps, w.admin, { subject: "Late one", body: "x", officeId: w.supportId, priority: "urgent" });
    const solved = await createTicket(deps, w.admin, { subject: "Late but solved", body: "x", officeId: w.supportId });
    await createTicket(deps, w.admin, { subject: "On time", body: "x", officeId: w.supportId });
    const past = new Date(Date.now() - 60_000);
    await db.ticket.update({ where: { id: late.ticket.id }, data: { slaDueAt: past } });
    await db.ticket.update({ where: { id: solved.ticket.id }, data: { slaDueAt: past, status: "resolved" } });

    const overdue = await listTickets(deps, w.ana, ticketQuery({ overdue: "true" }));
    expect(overdue.data.map((v) => v.subject)).toEqual(["Late one"]);
    const [overdueCount, unassignedOpen] = await countTickets(deps, w.ana, [
      ticketQuery({ overdue: "true" }),
      ticketQuery({ assignee: "none", status: "open" })
    ]);
    expect(overdueCount).toBe(1);
    expect(unassignedOpen).toBe((await listTickets(deps, w.ana, ticketQuery({ assignee: "none", status: "open" }))).total);
    // Bo cannot see Support's tickets, so none of them count for him.
    expect(await countTickets(deps, w.bo, [ticketQuery({ overdue: "true" })])).toEqual([0]);

    const refusal = await rejectionOf(listTickets(deps, w.customer, ticketQuery({ overdue: "true" })));
    expect(refusal.fields).toHaveProperty("overdue");
    expect((await rejectionOf(countTickets(deps, w.customer, [ticketQuery({ overdue: "true" })]))).code).toBe("bad_request");
  });
});
