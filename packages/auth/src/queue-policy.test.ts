import type { DomainEvent, Role } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import { AGENT_DENIALS, RULES } from "./denials";
import { canChangeAgentState, canManageQueues, canReadQueues, viewEventFor, type Viewer } from "./policy";

const viewer = (role: Role, orgId = "org-a", id = `${role}-id`): Viewer => ({ id, orgId, role });

const QUEUE_EVENTS = [
  "queue.changed",
  "queue.deleted",
  "queue.caller_joined",
  "queue.caller_left",
  "queue.caller_abandoned",
  "agent.state_changed",
  "pause_reason.created",
  "pause_reason.deleted"
] as const;

function event(type: (typeof QUEUE_EVENTS)[number], orgId = "org-a"): DomainEvent {
  return { id: "e1", orgId, seq: 1, type, at: new Date().toISOString(), actor: null, subject: { kind: "queue", id: "q1" }, data: {} } as DomainEvent;
}

describe("queue policy", () => {
  it.each([
    ["admin", { read: true, manage: true }],
    ["supervisor", { read: true, manage: false }],
    ["agent", { read: true, manage: false }],
    ["customer", { read: false, manage: false }]
  ] as const)("%s reads and manages queues as the matrix says", (role, expected) => {
    expect({ read: canReadQueues(viewer(role)), manage: canManageQueues(viewer(role)) }).toEqual(expected);
    expect(RULES.readQueues.allows(viewer(role))).toBe(expected.read);
    expect(RULES.manageQueues.allows(viewer(role))).toBe(expected.manage);
  });

  it("lets agents change only their own state", () => {
    const ana = viewer("agent", "org-a", "ana");
    expect(canChangeAgentState(ana, { orgId: "org-a", userId: "ana" })).toBe(true);
    expect(canChangeAgentState(ana, { orgId: "org-a", userId: "bo" })).toBe(false);
    expect(canChangeAgentState(ana, { orgId: "org-a", userId: null })).toBe(false);
    // Their own user id in another organization is not theirs.
    expect(canChangeAgentState(ana, { orgId: "org-b", userId: "ana" })).toBe(false);
    expect(AGENT_DENIALS.notOwn).toBe("agents may only change their own queue state");
  });

  it("lets supervisors and admins change anyone's state in their organization, and nobody's elsewhere", () => {
    for (const role of ["supervisor", "admin"] as const) {
      expect(canChangeAgentState(viewer(role), { orgId: "org-a", userId: "bo" })).toBe(true);
      expect(canChangeAgentState(viewer(role), { orgId: "org-a", userId: null })).toBe(true);
      expect(canChangeAgentState(viewer(role), { orgId: "org-b", userId: "bo" })).toBe(false);
    }
  });

  it("never lets customers change or see agent states", () => {
    const cara = viewer("customer", "org-a", "cara");
    expect(RULES.changeAgentStates.allows(cara)).toBe(false);
    expect(canChangeAgentState(cara, { orgId: "org-a", userId: "cara" })).toBe(false);
  });

  it.each(QUEUE_EVENTS)("%s reaches staff of the organization only, never customers", (type) => {
    const e = event(type);
    for (const role of ["admin", "supervisor", "agent"] as const) expect(viewEventFor(viewer(role), e)).toBe(e);
    expect(viewEventFor(viewer("customer"), e)).toBeNull();
    expect(viewEventFor(viewer("admin", "org-b"), e)).toBeNull();
  });
});
