import type { DomainEvent } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import { applyActivityEvents, describeActivity } from "./describe-activity";

let seq = 0;
function event(
  type: string,
  data: unknown,
  actor: { id: string; name: string } | null = { id: "ada", name: "Ada Admin" },
  at = "2026-05-01T10:00:00.000Z"
): DomainEvent {
  return { id: `e${++seq}`, orgId: "o", seq, type, at, actor, subject: { kind: type.split(".")[0] ?? "", id: "s" }, data } as DomainEvent;
}

const user = {
  id: "bo",
  name: "Bo Agent",
  email: "bo@x",
  role: "agent",
  status: "active",
  hasPassword: true,
  officeIds: [],
  lastSignInAt: null,
  createdAt: "",
  updatedAt: "",
  version: 1
};

describe("the activity log's wording", () => {
  it("says who did what, including what never toasts", () => {
    expect(describeActivity(event("user.deactivated", user))).toBe("Ada Admin deactivated Bo Agent");
    expect(describeActivity(event("user.joined", user, { id: "bo", name: "Bo Agent" }))).toBe("Bo Agent accepted the invitation and joined");
    expect(describeActivity(event("user.created", user, { id: "bo", name: "Bo Agent" }))).toBe("Bo Agent set up the organization");
    expect(describeActivity(event("user.signed_in", user, { id: "bo", name: "Bo Agent" }))).toBe("Bo Agent signed in");
    expect(describeActivity(event("user.sessions_revoked", user))).toBe("Ada Admin reset the password of Bo Agent");
    expect(describeActivity(event("user.sessions_revoked", user, { id: "bo", name: "Bo Agent" }))).toBe("Bo Agent ended all of their sessions");
    expect(describeActivity(event("office.deleted", { id: "o1", label: "Billing" }))).toBe("Ada Admin deleted office Billing");
    expect(
      describeActivity(
        event("call_control.requested", {
          id: "c",
          callId: "k",
          action: "transfer",
          target: "103",
          ok: false,
          error: "PBX not connected",
          callFrom: "Alice",
          createdAt: ""
        })
      )
    ).toBe("Ada Admin transferred the call from Alice to 103 (failed: PBX not connected)");
    expect(describeActivity(event("pbx.status_changed", {}))).toBe("Ada Admin changed the PBX connection settings");
  });

  it("puts new matching actions on top of the first page, once", () => {
    const old = event("office.created", { id: "o", name: "A", memberIds: [], version: 1, updatedAt: "" });
    const signIn = event("user.signed_in", user, { id: "bo", name: "Bo Agent" });
    const telemetry = event("extension.status_changed", {}, null);
    const office = event("office.updated", { id: "o", name: "B", memberIds: [], version: 2, updatedAt: "" });
    expect(applyActivityEvents([old], [old, signIn, telemetry, office], {}, true).map((e) => e.id)).toEqual([office.id, signIn.id, old.id]);
    expect(applyActivityEvents([old], [signIn, office], { kind: "sign_in" }, true).map((e) => e.id)).toEqual([signIn.id, old.id]);
    expect(applyActivityEvents([old], [signIn, office], { actor: "ada" }, true).map((e) => e.id)).toEqual([office.id, old.id]);
    expect(applyActivityEvents([old], [office], { toMs: Date.parse("2026-04-01") }, true)).toEqual([old]);
    expect(applyActivityEvents([old], [office], {}, false)).toEqual([old]);
  });
});
