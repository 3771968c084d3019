import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { ticketCreateSchema, TicketView } from "@switchboard/contracts";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import { type TicketOrg, type WorldUser } from "../testing/ticket-world";
import type { ServiceDeps } from "./extensions";
import { updateTicket } from "./tickets-change";
import { createTicket } from "./tickets-create";
import { replyToTicket } from "./tickets-reply";
import { parseId } from "./parse-input";
import { getTicket, listTicketReplies, listTickets, type ticketListQuerySchema } from "./tickets";
import { replyInput, replyQuery, ticketInput, ticketQuery } from "../testing/edge-input";

let t: TestDatabase;
let deps: ServiceDeps;
let w: TicketOrg;
let other: TicketOrg;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ({ t, deps, orgA: w, orgB: other } = await createTicketTestWorld());
  const open = async (key: string, by: WorldUser, input: Omit<z.input<typeof ticketCreateSchema>, "body">) => {
    ids[key] = (await createTicket(deps, by, ticketInput({ body: `Description of ${key}`, ...input }))).ticket.id;
  };
  // Support: two of Cara's, one of Otto's (assigned to Ana). Sales: one of Cara's, assigned to Bo.
  await open("printer", w.customer, { subject: "Printer jams", officeId: w.supportId });
  await open("voicemail", w.customer, { subject: "Voicemail PIN lost", officeId: w.supportId });
  await open("otto", w.supervisor, {
    subject: "Otto's headset",
    officeId: w.supportId,
    customerId: w.otherCustomer.id,
    assigneeId: w.ana.id,
    priority: "urgent"
  });
  await open("invoice", w.customer, { subject: "Invoice too high", officeId: w.salesId });
  await updateTicket(deps, w.supervisor, ids.invoice ?? "", { assigneeId: w.bo.id, status: "pending" });
  // No office, assigned to Cy (who belongs to none).
  await open("triage", w.admin, { subject: "Unsorted request", customerId: w.customer.id, assigneeId: w.cy.id, priority: "low" });
  await open("foreign", other.customer, { subject: "Printer jams abroad", officeId: other.supportId });
  await replyToTicket(deps, w.ana, ids.printer ?? "", replyInput({ body: "INTERNAL ONLY remark", internal: true }));
  await replyToTicket(deps, w.ana, ids.printer ?? "", replyInput({ body: "Please try again" }));
});
afterAll(() => t.drop());

const keyOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];
async function listed(viewer: WorldUser, query: z.input<typeof ticketListQuerySchema> = {}): Promise<string[]> {
  return (await listTickets(deps, viewer, ticketQuery({ sort: "number", dir: "asc", ...query }))).data.map((v) => keyOf(v.id) ?? v.id);
}

describe("listTickets: scope follows the policy", () => {
  it("shows supervisors and admins the whole organization, nothing of another", async () => {
    expect(await listed(w.supervisor)).toEqual(["printer", "voicemail", "otto", "invoice", "triage"]);
    expect(await listed(w.admin)).toHaveLength(5);
    expect(await listed(other.admin)).toEqual(["foreign"]);
  });

  it("shows agents their offices' tickets and those assigned to them", async () => {
    expect(await listed(w.ana)).toEqual(["printer", "voicemail", "otto"]);
    expect(await listed(w.bo)).toEqual(["invoice"]);
    expect(await listed(w.cy)).toEqual(["triage"]);
  });

  it("shows customers only their own tickets, in the customer view", async () => {
    const page = await listTickets(deps, w.customer, ticketQuery({ sort: "number", dir: "asc" }));
    expect(page.data.map((v) => keyOf(v.id))).toEqual(["printer", "voicemail", "invoice", "triage"]);
    expect(page.data.every((v: TicketView) => v.view === "customer")).toBe(true);
    expect(JSON.stringify(page)).not.toMatch(/assignee|officeId|priority|slaDueAt/);
    expect(await listed(w.otherCustomer)).toEqual(["otto"]);
  });
});

describe("listTickets: filters, search, sort and paging", () => {
  it("filters by status, priority, office, assignee and mine", async () => {
    expect(await listed(w.supervisor, { status: "pending" })).toEqual(["invoice"]);
    expect(await listed(w.supervisor, { status: "open,pending", priority: "urgent,low" })).toEqual(["otto", "triage"]);
    expect(await listed(w.supervisor, { office: w.salesId })).toEqual(["invoice"]);
    expect(await listed(w.supervisor, { office: "none" })).toEqual(["triage"]);
    expect(await listed(w.supervisor, { assignee: w.bo.id })).toEqual(["invoice"]);
    expect(await listed(w.supervisor, { assignee: "none" })).toEqual(["printer", "voicemail"]);
    expect(await listed(w.ana, { mine: "true" })).toEqual(["otto"]);
    expect(await listed(w.ana, { assignee: "me" })).toEqual(["otto"]);
    expect(await listed(w.customer, { mine: "true", status: "pending" })).toEqual(["invoice"]);
  });

  it("searches subject, description and the public id", async () => {
    expect(await listed(w.supervisor, { q: "printer" })).toEqual(["printer"]);
    expect(await listed(w.supervisor, { q: "description of VOICEMAIL" })).toEqual(["voicemail"]);
    const number = (await getTicket(deps, w.admin, ids.invoice ?? "")).ticket.publicId;
    expect(await listed(w.supervisor, { q: number })).toEqual(["invoice"]);
    expect(await listed(w.supervisor, { q: number.slice(2) })).toEqual(["invoice"]);
    expect(await listed(w.customer, { q: "headset" })).toEqual([]);
  });

  it("sorts (priority in urgency order) and pages", async () => {
    expect(await listed(w.supervisor, { sort: "priority", dir: "desc" })).toEqual(["otto", "invoice", "voicemail", "printer", "triage"]);
    const page = await listTickets(deps, w.supervisor, ticketQuery({ sort: "number", dir: "asc", page: 2, pageSize: 2 }));
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(page.data.map((v) => keyOf(v.id))).toEqual(["otto", "invoice"]);
    const defaults = await listTickets(deps, w.supervisor, ticketQuery());
    expect(defaults.data[0]?.updatedAt).toBe([...defaults.data.map((v) => v.updatedAt)].sort().reverse()[0]);
  });

  it("rejects unknown values and, for customers, staff-only filters and sorts", async () => {
    const bad = await rejectionOf(() =>
      listTickets(deps, w.supervisor, ticketQuery({ status: "open,exploded", sort: "colour" as never, assignee: "someone" }))
    );
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["assignee", "sort", "status"]);
    const customer = await rejectionOf(listTickets(deps, w.customer, ticketQuery({ assignee: w.ana.id, priority: "high", sort: "priority" })));
    expect(Object.keys(customer.fields ?? {}).sort()).toEqual(["assignee", "priority", "sort"]);
  });
});

describe("getTicket and listTicketReplies", () => {
  it("hides another customer's, another office's and another organization's ticket as not found", async () => {
    for (const [viewer, key] of [
      [w.otherCustomer, "printer"],
      [w.bo, "printer"],
      [w.cy, "printer"],
      [other.admin, "printer"],
      [w.admin, "foreign"]
    ] as const) {
      expect((await rejectionOf(getTicket(deps, viewer, ids[key] ?? ""))).code).toBe("not_found");
      expect((await rejectionOf(listTicketReplies(deps, viewer, ids[key] ?? "", replyQuery()))).code).toBe("not_found");
    }
    expect((await rejectionOf(() => getTicket(deps, w.admin, parseId("not-a-uuid", "ticket")))).code).toBe("not_found");
  });

  it("gives customers the conversation without internal notes or internal activity", async () => {
    await updateTicket(deps, w.supervisor, ids.voicemail ?? "", { priority: "high", assigneeId: w.ana.id, status: "pending" });
    const detail = await getTicket(deps, w.customer, ids.voicemail ?? "");
    expect(detail.activity.map((a) => a.kind)).toEqual(["created", "status_changed"]);
    const staff = await getTicket(deps, w.ana, ids.voicemail ?? "");
    expect(staff.activity.map((a) => a.kind)).toEqual(["created", "assigned", "priority_changed", "status_changed"]);
    const replies = await listTicketReplies(deps, w.customer, ids.printer ?? "", replyQuery());
    expect(replies.data.map((r) => r.body)).toEqual(["Please try again"]);
    expect((await listTicketReplies(deps, w.ana, ids.printer ?? "", replyQuery())).total).toBe(2);
  });
});
