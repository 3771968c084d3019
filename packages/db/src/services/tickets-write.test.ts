import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketChangeSchema, ticketCreateSchema } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import { type TicketOrg } from "../testing/ticket-world";
import type { ServiceDeps } from "./extensions";
import { createTicket } from "./tickets-create";
import { replyToTicket } from "./tickets-reply";
import { updateTicket } from "./tickets-change";
import { getTicket } from "./tickets";
import { parseInput } from "./parse-input";
import { replyInput } from "../testing/edge-input";

let t: TestDatabase;
let db: DbClient;
let deps: ServiceDeps;
let w: TicketOrg;
let other: TicketOrg;

beforeAll(async () => {
  ({ t, db, deps, orgA: w, orgB: other } = await createTicketTestWorld());
});
afterAll(() => t.drop());

const eventsOf = (ticketId: string) => t.database.raw.outboxEvent.findMany({ where: { subjectId: ticketId }, orderBy: { seq: "asc" } });
const countAll = async () => ({ events: await t.database.raw.outboxEvent.count(), tickets: await db.ticket.count(), replies: await db.ticketReply.count() });

async function open(by = w.customer, extra: Record<string, unknown> = {}) {
  return (await createTicket(deps, by, { subject: "Phone is dead", body: "No dial tone since this morning", officeId: w.supportId, ...extra })).ticket;
}

describe("createTicket", () => {
  it("numbers tickets per organization from T-1001, sets the SLA from the priority and records who did it", async () => {
    const first = await open(w.customer);
    const second = await open(w.admin, { customerId: w.customer.id, priority: "urgent" });
    const foreign = await open(other.customer, { officeId: other.supportId });
    expect(second.number).toBe(first.number + 1);
    expect(foreign.publicId).toBe("T-1001");
    expect(first.view).toBe("customer");
    expect(second.view === "staff" && second.customerId).toBe(w.customer.id);
    if (second.view !== "staff") throw new Error("staff view expected");
    expect(new Date(second.slaDueAt).getTime() - new Date(second.createdAt).getTime()).toBe(4 * 3_600_000);
    const [created] = await eventsOf(first.id);
    expect(created).toMatchObject({ type: "ticket.created", actorId: w.customer.id, subjectKind: "ticket" });
    expect(created?.data).toMatchObject({ view: "staff", publicId: first.publicId, activity: { kind: "created", internal: false } });
  });

  it("refuses staff-only fields from customers, naming them, and writes nothing", async () => {
    const before = await countAll();
    const error = await rejectionOf(createTicket(deps, w.customer, { subject: "x", body: "y", priority: "urgent", assigneeId: w.ana.id }));
    expect(error.code).toBe("forbidden");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["assigneeId", "priority"]);
    expect(await countAll()).toEqual(before);
  });

  it("refuses references outside the organization or the office, naming each field", async () => {
    const error = await rejectionOf(
      createTicket(deps, w.admin, { subject: "x", body: "y", officeId: other.supportId, customerId: other.customer.id, assigneeId: w.bo.id })
    );
    expect(error.code).toBe("bad_request");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["assigneeId", "customerId", "officeId"]);
    const wrongOffice = await rejectionOf(createTicket(deps, w.admin, { subject: "x", body: "y", officeId: w.supportId, assigneeId: w.bo.id }));
    expect(wrongOffice.fields).toEqual({ assigneeId: "not a member of the ticket's office" });
  });

  it("validates subject and body", async () => {
    const error = await rejectionOf(() => createTicket(deps, w.customer, parseInput(ticketCreateSchema, { subject: "  ", body: "", colour: "red" })));
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["body", "colour", "subject"]);
  });
});

describe("replyToTicket", () => {
  it("rejects empty and oversized replies as bad_request and writes nothing", async () => {
    const ticket = await open();
    const before = await countAll();
    for (const body of ["", "   ", "x".repeat(10_001)]) {
      const error = await rejectionOf(() => replyToTicket(deps, w.ana, ticket.id, replyInput({ body })));
      expect(error.code).toBe("bad_request");
      expect(Object.keys(error.fields ?? {})).toEqual(["body"]);
    }
    expect(await countAll()).toEqual(before);
  });

  it("forbids internal notes from customers and hides other customers' tickets as not found", async () => {
    const ticket = await open();
    expect((await rejectionOf(replyToTicket(deps, w.customer, ticket.id, replyInput({ body: "psst", internal: true })))).code).toBe("forbidden");
    expect((await rejectionOf(replyToTicket(deps, w.otherCustomer, ticket.id, replyInput({ body: "hi" })))).code).toBe("not_found");
    expect((await rejectionOf(replyToTicket(deps, w.bo, ticket.id, replyInput({ body: "hi" })))).code).toBe("not_found");
    expect((await rejectionOf(replyToTicket(deps, other.admin, ticket.id, replyInput({ body: "hi" })))).code).toBe("not_found");
  });

  it("announces a reply on the ticket with its access facts, and keeps notes from the customer's detail", async () => {
    const ticket = await open();
    const reply = await replyToTicket(
      deps,
      w.ana,
      ticket.id,
      replyInput({ body: "On it", attachments: [{ name: "log.txt", type: "text/plain", content: new TextEncoder().encode("hello world\n") }] })
    );
    await replyToTicket(deps, w.ana, ticket.id, replyInput({ body: "SECRET NOTE", internal: true }));
    expect(reply).toMatchObject({
      authorId: w.ana.id,
      authorIsStaff: true,
      internal: false,
      attachments: [{ id: expect.any(String), name: "log.txt", size: 12 }]
    });
    const events = (await eventsOf(ticket.id)).filter((e) => e.type === "ticket.reply_created");
    expect(events.map((e) => (e.data as { internal: boolean }).internal)).toEqual([false, true]);
    expect(events[1]?.data).toMatchObject({ view: "staff", ticketOfficeId: w.supportId, ticketCustomerId: w.customer.id, ticketAssigneeId: null });
    const seen = await getTicket(deps, w.customer, ticket.id);
    expect(seen.replies.map((r) => r.body)).toEqual(["On it"]);
    expect(JSON.stringify(seen)).not.toContain("SECRET NOTE");
    expect((await getTicket(deps, w.supervisor, ticket.id)).replies).toHaveLength(2);
  });

  it("reopens a pending ticket when the customer replies; refuses replies to a closed ticket (conflict)", async () => {
    const ticket = await open();
    await updateTicket(deps, w.ana, ticket.id, { status: "pending" });
    await replyToTicket(deps, w.customer, ticket.id, replyInput({ body: "Still broken" }));
    expect((await getTicket(deps, w.ana, ticket.id)).ticket.status).toBe("open");
    await updateTicket(deps, w.ana, ticket.id, { status: "closed" });
    const error = await rejectionOf(replyToTicket(deps, w.customer, ticket.id, replyInput({ body: "hello?" })));
    expect(error.code).toBe("conflict");
  });
});

describe("updateTicket", () => {
  it("records each change as its own activity row and event, typed by what changed", async () => {
    const ticket = await open();
    const detail = await updateTicket(deps, w.supervisor, ticket.id, { assigneeId: w.ana.id, priority: "high", status: "pending" });
    expect(detail.activity.map((a) => a.kind)).toEqual(["created", "assigned", "priority_changed", "status_changed"]);
    const events = await eventsOf(ticket.id);
    expect(events.map((e) => e.type)).toEqual(["ticket.created", "ticket.assigned", "ticket.updated", "ticket.status_changed"]);
    expect(events.map((e) => (e.data as { version: number }).version)).toEqual([1, 2, 3, 4]);
    expect(events.map((e) => (e.data as { activity: { kind: string } | null }).activity?.kind)).toEqual([
      "created",
      "assigned",
      "priority_changed",
      "status_changed"
    ]);
    expect(events.every((e) => e.actorId === w.customer.id || e.actorId === w.supervisor.id)).toBe(true);
    // Setting what is already set changes nothing and announces nothing.
    await updateTicket(deps, w.supervisor, ticket.id, { status: "pending", assigneeId: w.ana.id });
    expect(await eventsOf(ticket.id)).toHaveLength(4);
  });

  it("keeps customers out entirely and agents out of office moves and other offices' tickets", async () => {
    const ticket = await open();
    const before = await countAll();
    expect((await rejectionOf(updateTicket(deps, w.customer, ticket.id, { status: "closed" }))).code).toBe("forbidden");
    expect((await rejectionOf(updateTicket(deps, w.customer, ticket.id, { assigneeId: w.ana.id }))).code).toBe("forbidden");
    const move = await rejectionOf(updateTicket(deps, w.ana, ticket.id, { status: "pending", officeId: w.salesId }));
    expect(move).toMatchObject({ code: "forbidden", fields: { officeId: expect.any(String) } });
    expect((await rejectionOf(updateTicket(deps, w.bo, ticket.id, { status: "pending" }))).code).toBe("not_found");
    expect((await rejectionOf(updateTicket(deps, other.admin, ticket.id, { status: "pending" }))).code).toBe("not_found");
    expect(await countAll()).toEqual(before);
  });

  it("rejects an unknown status and an assignee outside the organization or the office, naming the field", async () => {
    const ticket = await open();
    const before = await countAll();
    expect((await rejectionOf(() => updateTicket(deps, w.ana, ticket.id, parseInput(ticketChangeSchema, { status: "exploded" })))).fields).toHaveProperty(
      "status"
    );
    for (const assigneeId of [other.ana.id, w.bo.id, w.customer.id, "6f1c2a7e-0000-4000-8000-000000000000"]) {
      const error = await rejectionOf(updateTicket(deps, w.ana, ticket.id, { assigneeId, priority: "high" }));
      expect(error.code).toBe("bad_request");
      expect(Object.keys(error.fields ?? {})).toEqual(["assigneeId"]);
    }
    // All or nothing: the priority change that came with a bad assignee was rolled back.
    expect(await countAll()).toEqual(before);
  });

  it("moves a ticket to another office, unassigning an assignee who is not a member there", async () => {
    const ticket = await open();
    await updateTicket(deps, w.ana, ticket.id, { assigneeId: w.ana.id });
    const detail = await updateTicket(deps, w.supervisor, ticket.id, { officeId: w.salesId });
    expect(detail.ticket).toMatchObject({ officeId: w.salesId, assigneeId: null });
    expect((await rejectionOf(getTicket(deps, w.ana, ticket.id))).code).toBe("not_found");
    expect((await getTicket(deps, w.bo, ticket.id)).ticket.id).toBe(ticket.id);
    const types = (await eventsOf(ticket.id)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(["ticket.updated", "ticket.assigned"]);
  });

  it("allows nothing but reopening on a closed ticket", async () => {
    const ticket = await open();
    await updateTicket(deps, w.ana, ticket.id, { status: "closed" });
    expect((await rejectionOf(updateTicket(deps, w.ana, ticket.id, { priority: "low" }))).code).toBe("conflict");
    const reopened = await updateTicket(deps, w.ana, ticket.id, { status: "open", priority: "low" });
    expect(reopened.ticket).toMatchObject({ status: "open", priority: "low", closedAt: null });
  });

  it("serializes concurrent changes to one ticket: every change gets its own version", async () => {
    const ticket = await open();
    const priorities = ["low", "high", "urgent", "normal", "low", "high"] as const;
    await Promise.all(priorities.map((priority, i) => updateTicket(deps, i % 2 ? w.ana : w.supervisor, ticket.id, { priority })));
    const versions = (await eventsOf(ticket.id)).map((e) => (e.data as { version: number }).version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});
