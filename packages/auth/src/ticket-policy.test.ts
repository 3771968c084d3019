import type { Role } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import {
  canAddInternalNote,
  canAssignTicket,
  canBeAssigned,
  canChangeTicketOffice,
  canChangeTicketPriority,
  canChangeTicketStatus,
  canManageCannedReplies,
  canReadCannedReplies,
  canReadTicket,
  canReplyToTicket,
  ticketScope,
  type TicketAccess,
  type TicketScope,
  type Viewer
} from "./policy";
import { canSubscribeTopic } from "./topic-policy";

const SUPPORT = "office-support";
const SALES = "office-sales";

const viewers: Record<Role, Viewer> = {
  admin: { id: "admin-1", orgId: "org-a", role: "admin" },
  supervisor: { id: "super-1", orgId: "org-a", role: "supervisor" },
  agent: { id: "agent-1", orgId: "org-a", role: "agent", officeIds: [SUPPORT] },
  customer: { id: "cust-1", orgId: "org-a", role: "customer" }
};

/** "Own" means: the organization's (managers), the agent's office, the customer's own ticket. */
const own: TicketAccess = { orgId: "org-a", officeId: SUPPORT, customerId: "cust-1", assigneeId: null, createdById: "cust-1" };
/** Another office, another customer, not assigned to the viewer. */
const otherOffice: TicketAccess = { orgId: "org-a", officeId: SALES, customerId: "cust-2", assigneeId: "agent-2", createdById: "cust-2" };
/** Same ids as `own`, another organization: ids alone never grant anything across tenants. */
const otherOrg: TicketAccess = { ...own, orgId: "org-b" };

/** Whether a list query built from the scope would contain the ticket (what services do in SQL). */
function listed(scope: TicketScope, t: TicketAccess): boolean {
  if (scope.orgId !== t.orgId) return false;
  if (scope.kind === "org") return true;
  if (scope.kind === "customer") return t.customerId === scope.userId;
  return t.assigneeId === scope.userId || t.createdById === scope.userId || (t.officeId !== null && scope.officeIds.includes(t.officeId));
}

function abilities(viewer: Viewer, t: TicketAccess) {
  return {
    list: listed(ticketScope(viewer), t),
    read: canReadTicket(viewer, t),
    reply: canReplyToTicket(viewer, t),
    note: canAddInternalNote(viewer, t),
    status: canChangeTicketStatus(viewer, t),
    assign: canAssignTicket(viewer, t)
  };
}

const ALL = { list: true, read: true, reply: true, note: true, status: true, assign: true };
const NONE = { list: false, read: false, reply: false, note: false, status: false, assign: false };
const CUSTOMER_OWN = { list: true, read: true, reply: true, note: false, status: false, assign: false };

describe("ticket policy matrix: role × ticket × action", () => {
  const matrix: [Role, string, TicketAccess, typeof ALL][] = [
    ["admin", "own organization", own, ALL],
    ["admin", "other office", otherOffice, ALL],
    ["admin", "other organization", otherOrg, NONE],
    ["supervisor", "own organization", own, ALL],
    ["supervisor", "other office", otherOffice, ALL],
    ["supervisor", "other organization", otherOrg, NONE],
    ["agent", "own office", own, ALL],
    ["agent", "other office", otherOffice, NONE],
    ["agent", "other office, assigned to them", { ...otherOffice, assigneeId: "agent-1" }, ALL],
    ["agent", "other office, opened by them", { ...otherOffice, createdById: "agent-1" }, ALL],
    ["agent", "no office, unassigned, opened by them", { ...otherOffice, officeId: null, assigneeId: null, createdById: "agent-1" }, ALL],
    ["agent", "other organization", otherOrg, NONE],
    ["agent", "other organization, opened by their id", { ...otherOrg, createdById: "agent-1" }, NONE],
    ["agent", "other organization, assigned to their id", { ...otherOrg, assigneeId: "agent-1" }, NONE],
    ["customer", "own ticket", own, CUSTOMER_OWN],
    ["customer", "another customer's ticket", otherOffice, NONE],
    ["customer", "another customer's ticket in their office", { ...own, customerId: "cust-2" }, NONE],
    ["customer", "other organization", otherOrg, NONE]
  ];

  it.each(matrix)("%s × %s", (role, _what, ticket, expected) => {
    expect(abilities(viewers[role], ticket)).toEqual(expected);
  });

  it("moves tickets between offices only for supervisors and admins of the organization", () => {
    expect(canChangeTicketOffice(viewers.admin, own)).toBe(true);
    expect(canChangeTicketOffice(viewers.supervisor, otherOffice)).toBe(true);
    expect(canChangeTicketOffice(viewers.agent, own)).toBe(false);
    expect(canChangeTicketOffice(viewers.customer, own)).toBe(false);
    expect(canChangeTicketOffice(viewers.admin, otherOrg)).toBe(false);
  });

  it("lets staff change priority exactly where they may change status", () => {
    for (const viewer of Object.values(viewers)) {
      for (const ticket of [own, otherOffice, otherOrg]) {
        expect(canChangeTicketPriority(viewer, ticket)).toBe(canChangeTicketStatus(viewer, ticket));
      }
    }
  });

  it("fails closed for an agent whose offices were not loaded", () => {
    const bare: Viewer = { id: "agent-1", orgId: "org-a", role: "agent" };
    expect(canReadTicket(bare, own)).toBe(false);
    expect(canReadTicket(bare, { ...own, assigneeId: "agent-1" })).toBe(true);
  });

  it("accepts as assignee only staff of the organization who belong to the ticket's office", () => {
    expect(canBeAssigned(viewers.agent, own)).toBe(true);
    expect(canBeAssigned(viewers.agent, otherOffice)).toBe(false);
    expect(canBeAssigned(viewers.customer, { ...own, officeId: null })).toBe(false);
    expect(canBeAssigned({ ...viewers.agent, orgId: "org-b" }, { ...own, orgId: "org-b", officeId: null })).toBe(true);
    expect(canBeAssigned(viewers.agent, otherOrg)).toBe(false);
    expect(canBeAssigned(viewers.supervisor, { ...own, officeId: null })).toBe(true);
    expect(canBeAssigned(viewers.supervisor, own)).toBe(false);
  });
});

describe("canSubscribeTopic: one ticket", () => {
  const topic = (id: string) => `ticket:${id}` as const;
  it("admits to a ticket's topic exactly those who may read the ticket, hiding the rest as not found", () => {
    expect(canSubscribeTopic(viewers.agent, topic("t1"), own)).toEqual({ ok: true });
    expect(canSubscribeTopic(viewers.customer, topic("t1"), own)).toEqual({ ok: true });
    expect(canSubscribeTopic(viewers.agent, topic("t2"), otherOffice)).toMatchObject({ ok: false, code: "not_found" });
    expect(canSubscribeTopic(viewers.customer, topic("t2"), otherOffice)).toMatchObject({ ok: false, code: "not_found" });
    expect(canSubscribeTopic(viewers.admin, topic("t3"), otherOrg)).toMatchObject({ ok: false, code: "not_found" });
    // Without the ticket's facts (no such ticket) the server cannot admit anyone.
    expect(canSubscribeTopic(viewers.admin, topic("t1"))).toMatchObject({ ok: false, code: "not_found" });
  });
});

describe("canned replies", () => {
  it("are read by staff and written by admins and supervisors", () => {
    const decisions = Object.fromEntries(Object.values(viewers).map((v) => [v.role, [canReadCannedReplies(v), canManageCannedReplies(v)]]));
    expect(decisions).toEqual({ admin: [true, true], supervisor: [true, true], agent: [true, false], customer: [false, false] });
  });
});
