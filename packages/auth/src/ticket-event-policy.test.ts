import type { DomainEvent, StaffReplyEventData, StaffTicketEventData, TicketActivityView } from "@switchboard/contracts";
import { parseEventData } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import { viewEventFor, type Viewer } from "./policy";

const admin: Viewer = { id: "admin-1", orgId: "org-a", role: "admin" };
const supportAgent: Viewer = { id: "agent-1", orgId: "org-a", role: "agent", officeIds: ["support"] };
const salesAgent: Viewer = { id: "agent-2", orgId: "org-a", role: "agent", officeIds: ["sales"] };
const customer: Viewer = { id: "cust-1", orgId: "org-a", role: "customer" };
const otherCustomer: Viewer = { id: "cust-2", orgId: "org-a", role: "customer" };
const foreignAdmin: Viewer = { id: "admin-9", orgId: "org-b", role: "admin" };

const at = "2026-01-01T00:00:00.000Z";

function activity(kind: TicketActivityView["kind"], internal: boolean, from: string | null = null, to: string | null = null): TicketActivityView {
  return { id: "1", ticketId: "t1", kind, actorId: "admin-1", actorName: "Ada", from, to, fromLabel: from, toLabel: to, internal, createdAt: at };
}

function ticketData(overrides: Partial<StaffTicketEventData> = {}): StaffTicketEventData {
  return {
    view: "staff",
    id: "t1",
    number: 1001,
    publicId: "T-1001",
    subject: "Printer on fire",
    body: "Please help",
    status: "open",
    priority: "high",
    category: null,
    customerId: "cust-1",
    customerName: "Cara",
    createdById: "cust-1",
    createdByName: "Cara",
    assigneeId: null,
    assigneeName: null,
    officeId: "support",
    officeName: "Support",
    callId: null,
    slaDueAt: at,
    resolvedAt: null,
    closedAt: null,
    version: 2,
    createdAt: at,
    updatedAt: at,
    lastCustomerReplyAt: null,
    attachments: [],
    activity: null,
    ...overrides
  };
}

function replyData(internal: boolean): StaffReplyEventData {
  return {
    view: "staff",
    id: "r1",
    ticketId: "t1",
    authorId: "agent-1",
    authorName: "Ana",
    authorIsStaff: true,
    body: internal ? "INTERNAL: customer is difficult" : "We are on it",
    internal,
    attachments: [],
    createdAt: at,
    ticketPublicId: "T-1001",
    ticketOfficeId: "support",
    ticketCustomerId: "cust-1",
    ticketAssigneeId: null,
    ticketCreatedById: "cust-1"
  };
}

function envelope(type: DomainEvent["type"], data: unknown, orgId = "org-a"): DomainEvent {
  return { id: "e1", orgId, seq: 1, type, at, actor: null, subject: { kind: "ticket", id: "t1" }, data } as DomainEvent;
}

describe("viewEventFor: ticket events", () => {
  it("keeps stored ticket events valid against their schema", () => {
    expect(parseEventData("ticket.created", ticketData({ activity: activity("created", false) })).view).toBe("staff");
    expect(() => parseEventData("ticket.assigned", { ...ticketData(), view: "boss" })).toThrow(/ticket.assigned/);
  });

  it("delivers the stored event to staff who may read the ticket, nothing to others", () => {
    const e = envelope("ticket.status_changed", ticketData({ activity: activity("status_changed", false, "open", "pending") }));
    expect(viewEventFor(admin, e)).toBe(e);
    expect(viewEventFor(supportAgent, e)).toBe(e);
    expect(viewEventFor(salesAgent, e)).toBeNull();
    expect(viewEventFor(otherCustomer, e)).toBeNull();
    expect(viewEventFor(foreignAdmin, e)).toBeNull();
  });

  it("gives the customer a reduced copy without assignee, office, priority, SLA or revision", () => {
    const e = envelope(
      "ticket.status_changed",
      ticketData({ assigneeId: "agent-1", assigneeName: "Ana", activity: activity("status_changed", false, "open", "pending") })
    );
    const seen = viewEventFor(customer, e);
    expect(seen?.data).toMatchObject({ view: "customer", id: "t1", status: "open", activity: { kind: "status_changed" } });
    const json = JSON.stringify(seen);
    for (const hidden of ["assignee", "office", "priority", "slaDueAt", "revision", "callId", "Ana"]) expect(json).not.toContain(hidden);
    expect(parseEventData("ticket.status_changed", seen?.data).view).toBe("customer");
  });

  it("tells the customer nothing of assignment, priority and office changes", () => {
    for (const [type, kind] of [
      ["ticket.assigned", "assigned"],
      ["ticket.updated", "priority_changed"],
      ["ticket.updated", "office_changed"]
    ] as const) {
      const e = envelope(type, ticketData({ activity: activity(kind, true) }));
      expect(viewEventFor(customer, e)).toBeNull();
      expect(viewEventFor(admin, e)).toBe(e);
    }
    expect(viewEventFor(customer, envelope("ticket.updated", ticketData()))).toBeNull();
    expect(viewEventFor(customer, envelope("ticket.created", ticketData()))?.data).toMatchObject({ view: "customer" });
  });

  it("sends a hidden marker to staff who just lost sight of the ticket", () => {
    const moved = envelope("ticket.updated", ticketData({ officeId: "sales", activity: activity("office_changed", true, "support", "sales") }));
    expect(viewEventFor(supportAgent, moved)?.data).toEqual({ view: "hidden", id: "t1", publicId: "T-1001" });
    expect(viewEventFor(salesAgent, moved)).toBe(moved);
    const reassigned = envelope(
      "ticket.assigned",
      ticketData({ officeId: null, assigneeId: "agent-2", activity: activity("assigned", true, "agent-1", "agent-2") })
    );
    expect(viewEventFor(supportAgent, reassigned)?.data).toMatchObject({ view: "hidden" });
    expect(viewEventFor(salesAgent, reassigned)).toBe(reassigned);
    expect(viewEventFor({ ...supportAgent, id: "agent-3" }, reassigned)).toBeNull();
  });

  it("drops events that are not in the stored staff form", () => {
    const reduced = envelope("ticket.created", { view: "hidden", id: "t1", publicId: "T-1001" });
    expect(viewEventFor(admin, reduced)).toBeNull();
  });
});

describe("viewEventFor: replies and internal notes", () => {
  it("never lets an internal note reach a customer", () => {
    const note = envelope("ticket.reply_created", replyData(true));
    expect(viewEventFor(customer, note)).toBeNull();
    expect(viewEventFor(supportAgent, note)).toBe(note);
    expect(viewEventFor(salesAgent, note)).toBeNull();
  });

  it("gives the ticket's customer a reduced copy of a reply, and nobody else's customer anything", () => {
    const reply = envelope("ticket.reply_created", replyData(false));
    const seen = viewEventFor(customer, reply);
    expect(seen?.data).toMatchObject({ view: "customer", body: "We are on it", internal: false, ticketCustomerId: "cust-1" });
    expect(JSON.stringify(seen)).not.toContain("ticketOfficeId");
    expect(parseEventData("ticket.reply_created", seen?.data).view).toBe("customer");
    expect(viewEventFor(otherCustomer, reply)).toBeNull();
    expect(viewEventFor(foreignAdmin, reply)).toBeNull();
  });
});

describe("viewEventFor: notifications", () => {
  const data = {
    id: "n1",
    userId: "agent-1",
    kind: "assignment",
    ticketId: "t1",
    ticketPublicId: "T-1001",
    ticketSubject: "Printer on fire",
    actorId: "admin-1",
    actorName: "Ada",
    excerpt: "",
    readAt: null,
    createdAt: at
  };

  it("reaches its recipient only", () => {
    for (const type of ["notification.created", "notification.read"] as const) {
      const e = envelope(type, data);
      expect(viewEventFor(supportAgent, e)).toBe(e);
      expect(viewEventFor(admin, e)).toBeNull();
      expect(viewEventFor({ ...supportAgent, orgId: "org-b" }, e)).toBeNull();
    }
  });
});
