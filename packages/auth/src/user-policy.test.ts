import type { DomainEvent, Role, UserEventData } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import { RULES } from "./denials";
import { viewEventFor } from "./policy";
import {
  assignableRoles,
  canChangeRole,
  canChangeUserStatus,
  canCreateCustomers,
  canImportUsers,
  canInviteAs,
  canManageOrganization,
  canManageUser,
  canManageUsers,
  canReadActivity,
  canReadUsers,
  canSendSignInLink,
  type UserFacts
} from "./user-policy";
import type { Viewer } from "./viewer";

const ROLES: Role[] = ["admin", "supervisor", "agent", "customer"];
const viewer = (role: Role, orgId = "org-a"): Viewer => ({ id: `${role}-id`, orgId, role });
const target = (role: Role, orgId = "org-a"): UserFacts => ({ id: `other-${role}`, orgId, role });

describe("users import", () => {
  it("admins and supervisors import; each row's role must be one the importer may give", () => {
    expect(ROLES.filter((r) => canImportUsers(viewer(r)))).toEqual(["admin", "supervisor"]);
    expect(RULES.importUsers.allows(viewer("agent"))).toBe(false);
    expect(RULES.startImports.allows(viewer("supervisor"))).toBe(true);
    expect(RULES.startImports.allows(viewer("agent"))).toBe(false);
    // A supervisor's file may not make admins or supervisors.
    expect(ROLES.filter((r) => canInviteAs(viewer("supervisor"), r))).toEqual(["agent", "customer"]);
    expect(ROLES.filter((r) => canInviteAs(viewer("admin"), r))).toEqual(ROLES);
  });
});

describe("user policy matrix", () => {
  const expected: Record<Role, { read: boolean; manage: boolean; customers: boolean; activity: boolean; org: boolean; gives: Role[] }> = {
    admin: { read: true, manage: true, customers: true, activity: true, org: true, gives: ROLES },
    supervisor: { read: true, manage: true, customers: true, activity: false, org: false, gives: ["agent", "customer"] },
    agent: { read: true, manage: false, customers: true, activity: false, org: false, gives: ["customer"] },
    customer: { read: false, manage: false, customers: false, activity: false, org: false, gives: [] }
  };

  it.each(ROLES)("%s: list, manage, customers, activity, organization, roles given", (role) => {
    const v = viewer(role);
    expect({
      read: canReadUsers(v),
      manage: canManageUsers(v),
      customers: canCreateCustomers(v),
      activity: canReadActivity(v),
      org: canManageOrganization(v),
      gives: [...assignableRoles(v)]
    }).toEqual(expected[role]);
    for (const r of ROLES) expect(canInviteAs(v, r)).toBe(expected[role].gives.includes(r));
  });

  // Who may change whom: rows are the viewer's role, columns the target's.
  const manages: Record<Role, Role[]> = { admin: ROLES, supervisor: ["agent", "customer"], agent: [], customer: [] };
  it.each(ROLES)("%s manages exactly %j", (role) => {
    for (const t of ROLES) {
      expect({ t, manage: canManageUser(viewer(role), target(t)) }).toEqual({ t, manage: manages[role].includes(t) });
      expect({ t, status: canChangeUserStatus(viewer(role), target(t)) }).toEqual({ t, status: manages[role].includes(t) });
      const links = manages[role].includes(t) || (role === "agent" && t === "customer");
      expect({ t, links: canSendSignInLink(viewer(role), target(t)) }).toEqual({ t, links });
    }
  });

  it("limits supervisors to agent and customer roles, on agents and customers", () => {
    const sup = viewer("supervisor");
    expect(canChangeRole(sup, target("agent"), "customer")).toBe(true);
    expect(canChangeRole(sup, target("customer"), "agent")).toBe(true);
    expect(canChangeRole(sup, target("agent"), "supervisor")).toBe(false);
    expect(canChangeRole(sup, target("agent"), "admin")).toBe(false);
    expect(canChangeRole(sup, target("supervisor"), "agent")).toBe(false);
    expect(canChangeRole(sup, target("admin"), "customer")).toBe(false);
    const admin = viewer("admin");
    for (const from of ROLES) for (const to of ROLES) expect(canChangeRole(admin, target(from), to)).toBe(true);
    for (const to of ROLES) {
      expect(canChangeRole(viewer("agent"), target("customer"), to)).toBe(false);
      expect(canChangeRole(viewer("customer"), target("customer"), to)).toBe(false);
    }
  });

  it("lets nobody change their own role or state", () => {
    for (const role of ROLES) {
      const v = viewer(role);
      const self: UserFacts = { id: v.id, orgId: v.orgId, role };
      for (const to of ROLES) expect(canChangeRole(v, self, to)).toBe(false);
      expect(canChangeUserStatus(v, self)).toBe(false);
    }
  });

  it("never reaches into another organization", () => {
    for (const role of ROLES) {
      for (const t of ROLES) {
        expect(canManageUser(viewer("admin"), target(t, "org-b"))).toBe(false);
        expect(canSendSignInLink(viewer(role), target(t, "org-b"))).toBe(false);
        expect(canChangeRole(viewer("admin"), target(t, "org-b"), role)).toBe(false);
      }
    }
  });

  it("refuses with one message per rule", () => {
    expect(RULES.readUsers.allows(viewer("customer"))).toBe(false);
    expect(RULES.manageUsers.allows(viewer("agent"))).toBe(false);
    expect(RULES.readActivity.allows(viewer("supervisor"))).toBe(false);
    expect(RULES.readActivity.denial).toBe("only admins may see the activity log");
  });
});

function userEvent(type: "user.updated" | "user.signed_in", id: string, orgId = "org-a"): DomainEvent {
  const data: UserEventData = {
    id,
    name: "Bo",
    email: "bo@example.test",
    role: "agent",
    status: "active",
    hasPassword: true,
    officeIds: ["o1"],
    lastSignInAt: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    version: 2,
    sessionVersion: 3
  };
  return { id: "e1", orgId, seq: 1, type, at: data.updatedAt, actor: null, subject: { kind: "user", id }, data } as DomainEvent;
}

describe("viewEventFor: people and offices", () => {
  it("shows user events to staff and to the user themself, never the session version", () => {
    const e = userEvent("user.updated", "bo-id");
    for (const role of ["admin", "supervisor", "agent"] as const) {
      const seen = viewEventFor(viewer(role), e);
      expect(seen?.data).not.toHaveProperty("sessionVersion");
      expect(seen?.data).toMatchObject({ id: "bo-id", role: "agent" });
    }
    expect(viewEventFor(viewer("customer"), e)).toBeNull();
    expect(viewEventFor({ id: "bo-id", orgId: "org-a", role: "customer" }, e)?.data).toMatchObject({ id: "bo-id" });
    expect(viewEventFor(viewer("admin", "org-b"), e)).toBeNull();
    // One copy for every viewer, so it is serialized once.
    expect(viewEventFor(viewer("admin"), e)).toBe(viewEventFor(viewer("agent"), e));
  });

  it("shows offices to everyone, their members to staff only", () => {
    const e = {
      id: "e2",
      orgId: "org-a",
      seq: 2,
      type: "office.updated",
      at: "2026-01-01T00:00:00.000Z",
      actor: null,
      subject: { kind: "office", id: "o1" },
      data: { id: "o1", name: "Support", memberIds: ["bo-id"], version: 2, updatedAt: "2026-01-01T00:00:00.000Z" }
    } as DomainEvent;
    expect(viewEventFor(viewer("agent"), e)).toBe(e);
    expect(viewEventFor(viewer("customer"), e)?.data).toMatchObject({ name: "Support", memberIds: [] });
    expect(viewEventFor(viewer("customer", "org-b"), e)).toBeNull();
  });
});

describe("viewEventFor: integration and call control records", () => {
  const record = (type: "pbx_webhook.rotated" | "call_control.requested") =>
    ({ id: "e3", orgId: "org-a", seq: 3, type, at: "2026-01-01T00:00:00.000Z", actor: null, subject: { kind: "x", id: "x" }, data: {} }) as DomainEvent;
  it("shows webhook integration changes to admins only, call control requests to staff", () => {
    expect(ROLES.filter((role) => viewEventFor(viewer(role), record("pbx_webhook.rotated")))).toEqual(["admin"]);
    expect(ROLES.filter((role) => viewEventFor(viewer(role), record("call_control.requested")))).toEqual(["admin", "supervisor", "agent"]);
  });
});
