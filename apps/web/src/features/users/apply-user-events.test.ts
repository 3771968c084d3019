import type { DomainEvent, UserView } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import { applyToUser, applyUserEvents } from "./apply-user-events";

const user = (id: string, patch: Partial<UserView> = {}): UserView => ({
  id,
  name: `User ${id}`,
  email: `${id}@example.test`,
  role: "agent",
  status: "active",
  hasPassword: true,
  officeIds: [],
  lastSignInAt: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  version: 1,
  ...patch
});

let seq = 0;
const event = (type: string, data: UserView): DomainEvent =>
  ({ id: `e${++seq}`, orgId: "o", seq, type, at: data.updatedAt, actor: null, subject: { kind: "user", id: data.id }, data }) as DomainEvent;

describe("applyUserEvents", () => {
  it("replaces changed users in place, drops those that leave the filter, adds new ones on the first page", () => {
    const rows = [user("a"), user("b")];
    const out = applyUserEvents(
      rows,
      [
        event("user.updated", user("a", { name: "Ana Renamed" })),
        event("user.deactivated", user("b", { status: "deactivated" })),
        event("user.created", user("c"))
      ],
      { status: "active" },
      true
    );
    expect(out.map((u) => [u.id, u.name])).toEqual([
      ["c", "User c"],
      ["a", "Ana Renamed"]
    ]);
    expect(applyUserEvents(rows, [event("user.created", user("d"))], {}, false).map((u) => u.id)).toEqual(["a", "b"]);
    expect(applyUserEvents(rows, [event("user.created", user("e", { role: "customer" }))], { role: "agent" }, true).map((u) => u.id)).toEqual(["a", "b"]);
  });

  it("drops users an undone import deleted, on every page and whatever the filter", () => {
    const rows = [user("a"), user("b", { status: "invited" })];
    expect(applyUserEvents(rows, [event("user.deleted", user("b", { status: "invited" }))], {}, true).map((u) => u.id)).toEqual(["a"]);
    expect(applyUserEvents(rows, [event("user.created", user("c")), event("user.deleted", user("c"))], {}, true).map((u) => u.id)).toEqual(["a", "b"]);
  });

  it("follows one user's own events", () => {
    expect(applyToUser(user("a"), [event("user.updated", user("b", { role: "admin" })), event("user.updated", user("a", { role: "customer" }))]).role).toBe(
      "customer"
    );
  });
});
