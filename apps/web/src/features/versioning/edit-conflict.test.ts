import { describe, expect, it } from "vitest";
import type { DomainEvent } from "@switchboard/contracts";
import { extensionEvent, extensionStatus, extensionView } from "@/features/realtime/test-events";
import { EXTENSION_SUBJECT, newerChange, OFFICE_SUBJECT, USER_SUBJECT, whoChanged } from "./edit-conflict";

const sam = { id: "u-sam", name: "Sam Supervisor" };
const updated = (seq: number, version: number, who = sam): DomainEvent => extensionEvent(seq, "updated", extensionView("e1", "104", { version }), who);

describe("newerChange", () => {
  it("finds the newest change after the form's version, with who made it and what changed", () => {
    const latest = updated(2, 3);
    const withChanges = { ...latest, data: { ...latest.data, changes: { enabled: { from: true, to: false } } } } as DomainEvent;
    expect(newerChange(EXTENSION_SUBJECT, "e1", [updated(1, 2), withChanges], 1, "u-ada")).toMatchObject({
      kind: "changed",
      version: 3,
      by: "Sam Supervisor",
      byMe: false,
      view: { id: "e1", version: 3 },
      changes: { enabled: { from: true, to: false } }
    });
  });

  it("ignores versions the form already has, other entities and events that carry no version", () => {
    const status: DomainEvent = {
      id: "s3",
      orgId: "org",
      seq: 3,
      at: "2026-01-01T00:00:00.000Z",
      actor: null,
      type: "extension.status_changed",
      subject: { kind: "extension", id: "e1" },
      data: extensionStatus("e1")
    };
    const other = extensionEvent(4, "updated", extensionView("e2", "105", { version: 9 }), sam);
    expect(newerChange(EXTENSION_SUBJECT, "e1", [updated(1, 2), status, other], 2, "u-ada")).toBeNull();
  });

  it("reports a deletion, and tells one's own change from another tab", () => {
    const deleted = extensionEvent(5, "deleted", extensionView("e1", "104"), sam);
    expect(newerChange(EXTENSION_SUBJECT, "e1", [updated(1, 2), deleted], 1, "u-ada")).toEqual({ kind: "deleted", by: "Sam Supervisor", byMe: false });
    const mine = newerChange(EXTENSION_SUBJECT, "e1", [updated(1, 2, { id: "u-ada", name: "Ada Admin" })], 1, "u-ada");
    expect(mine && whoChanged(mine)).toBe("You (in another tab)");
  });
});

describe("users and offices", () => {
  const base = { orgId: "org", at: "2026-01-01T00:00:00.000Z", actor: sam };
  const user = { id: "u1", name: "Bo Busy", email: "bo@example.test", role: "agent", status: "active", hasPassword: true, officeIds: [], lastSignInAt: null };

  it("say which fields the other person changed, and keep them out of the view", () => {
    const userEvent = {
      ...base,
      id: "u",
      seq: 1,
      type: "user.updated",
      subject: { kind: "user", id: "u1" },
      data: { ...user, createdAt: base.at, updatedAt: base.at, version: 2, sessionVersion: 1, changes: { name: { from: "Bo", to: "Bo Busy" } } }
    } as DomainEvent;
    const userChange = newerChange(USER_SUBJECT, "u1", [userEvent], 1, "u-ada");
    expect(userChange).toMatchObject({ kind: "changed", version: 2, changes: { name: { from: "Bo", to: "Bo Busy" } } });
    expect(userChange?.kind === "changed" && userChange.view).not.toHaveProperty("changes");

    const officeEvent = {
      ...base,
      id: "o",
      seq: 2,
      type: "office.updated",
      subject: { kind: "office", id: "o1" },
      data: { id: "o1", name: "Sales", memberIds: ["u1"], version: 4, updatedAt: base.at, changes: { memberIds: { from: [], to: ["u1"] } } }
    } as DomainEvent;
    expect(newerChange(OFFICE_SUBJECT, "o1", [officeEvent], 3, "u-ada")).toMatchObject({
      kind: "changed",
      version: 4,
      changes: { memberIds: { from: [], to: ["u1"] } }
    });
  });
});
