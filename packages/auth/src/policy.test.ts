import { TOPIC_FAMILIES, type DomainEvent, type Role } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import {
  canControlCalls,
  canManageExtensions,
  canManagePbxIntegration,
  canManageTrunks,
  canReadCalls,
  canReadExtensions,
  canReadTrunks,
  viewEventFor,
  type Viewer
} from "./policy";
import { canSubscribeTopic, readableFamilies } from "./topic-policy";

const viewer = (role: Role, orgId = "org-a"): Viewer => ({ id: `${role}-id`, orgId, role });

function event(type: DomainEvent["type"], orgId = "org-a"): DomainEvent {
  return {
    id: "e1",
    orgId,
    seq: 1,
    type,
    at: new Date().toISOString(),
    actor: null,
    subject: { kind: type.split(".")[0] ?? "", id: "x" },
    data: { id: "x", label: "x" }
  } as DomainEvent;
}

describe("policy matrix", () => {
  const matrix: [Role, { readExt: boolean; manageExt: boolean; readTrunk: boolean; manageTrunk: boolean }][] = [
    ["admin", { readExt: true, manageExt: true, readTrunk: true, manageTrunk: true }],
    ["supervisor", { readExt: true, manageExt: true, readTrunk: true, manageTrunk: false }],
    ["agent", { readExt: true, manageExt: false, readTrunk: true, manageTrunk: false }],
    ["customer", { readExt: false, manageExt: false, readTrunk: false, manageTrunk: false }]
  ];
  it.each(matrix)("%s", (role, expected) => {
    const v = viewer(role);
    expect({
      readExt: canReadExtensions(v),
      manageExt: canManageExtensions(v),
      readTrunk: canReadTrunks(v),
      manageTrunk: canManageTrunks(v)
    }).toEqual(expected);
  });
});

describe("viewEventFor", () => {
  it("delivers PBX events to staff of the same organization only", () => {
    for (const type of ["extension.created", "extension.deleted", "trunk.updated"] as const) {
      expect(viewEventFor(viewer("agent"), event(type))).not.toBeNull();
      expect(viewEventFor(viewer("customer"), event(type))).toBeNull();
      expect(viewEventFor(viewer("admin", "org-b"), event(type))).toBeNull();
    }
  });
});

describe("viewEventFor: calls and live status", () => {
  const types = [
    "call.started",
    "call.ringing",
    "call.answered",
    "call.held",
    "call.resumed",
    "call.transferred",
    "call.ended",
    "call.updated",
    "extension.status_changed",
    "trunk.status_changed",
    "pbx.status_changed"
  ] as const;

  it.each(types)("%s reaches admins, supervisors and agents of the organization", (type) => {
    const e = event(type);
    for (const role of ["admin", "supervisor", "agent"] as const) {
      expect(viewEventFor(viewer(role), e)).toBe(e);
    }
  });

  it.each(types)("%s never reaches customers or other organizations", (type) => {
    expect(viewEventFor(viewer("customer"), event(type))).toBeNull();
    for (const role of ["admin", "supervisor", "agent"] as const) {
      expect(viewEventFor(viewer(role, "org-b"), event(type))).toBeNull();
    }
  });

  it("lets admins and supervisors control calls, only admins manage the PBX integration", () => {
    expect([canReadCalls, canControlCalls, canManagePbxIntegration].map((f) => f(viewer("admin")))).toEqual([true, true, true]);
    expect([canReadCalls, canControlCalls, canManagePbxIntegration].map((f) => f(viewer("supervisor")))).toEqual([true, true, false]);
    expect([canReadCalls, canControlCalls, canManagePbxIntegration].map((f) => f(viewer("agent")))).toEqual([true, false, false]);
    expect([canReadCalls, canControlCalls, canManagePbxIntegration].map((f) => f(viewer("customer")))).toEqual([false, false, false]);
  });
});

describe("canSubscribeTopic", () => {
  it("lets each role hold the families it may read, and names what it refuses", () => {
    const families = TOPIC_FAMILIES;
    const held = (role: Parameters<typeof viewer>[0]) => families.filter((f) => canSubscribeTopic(viewer(role), f).ok);
    expect(held("admin")).toEqual([...families]);
    expect(held("supervisor")).toEqual(families.filter((f) => f !== "webhooks"));
    expect(held("agent")).toEqual(families.filter((f) => f !== "webhooks"));
    expect(held("customer")).toEqual(["tickets", "notifications", "users", "offices"]);
    expect(readableFamilies(viewer("customer"))).toEqual(held("customer"));
    expect(readableFamilies(viewer("agent")).sort()).toEqual(held("agent").sort());
    expect(canSubscribeTopic(viewer("customer"), "presence")).toEqual({ ok: false, code: "forbidden", reason: "your role cannot follow presence" });
    expect(canSubscribeTopic(viewer("customer"), "calls")).toEqual({ ok: false, code: "forbidden", reason: "your role cannot follow calls" });
  });
});
