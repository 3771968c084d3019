import { describe, expect, it } from "vitest";
import type { PresenceMember } from "@switchboard/contracts";
import { PresenceMembers } from "./presence-members";

const member = (name: string): PresenceMember => ({ userId: name.toLowerCase(), name, role: "agent", since: "2026-01-01T00:00:00.000Z", tabs: 1 });
const names = (view: { members: readonly PresenceMember[] }) => view.members.map((m) => m.name);

describe("PresenceMembers", () => {
  it("patches the list with changes and keeps the count of the newest message", () => {
    const presence = new PresenceMembers();
    presence.replace({ members: [member("Bo"), member("Al")], total: 2, version: 10 });
    const view = presence.change({ joined: [member("Cy")], left: ["al"], total: 2, version: 11 });
    expect(names(view)).toEqual(["Bo", "Cy"]);
    expect(view.total).toBe(2);
    // A delta that arrives late still patches the list, but its count is not the newest.
    expect(presence.change({ joined: [member("Di")], left: [], total: 1, version: 9 }).total).toBe(3);
  });

  it("shows a summary's count beyond the members it lists, and ignores a summary older than what it has", () => {
    const presence = new PresenceMembers();
    const summary = presence.replace({ members: [member("Al"), member("Bo")], total: 5_000, version: 20 });
    expect(summary).toEqual({ members: [member("Al"), member("Bo")], total: 5_000 });
    expect(presence.replace({ members: [member("Zed")], total: 3, version: 19 })).toEqual(summary);
    // On a new connection the next snapshot is taken whatever its version.
    presence.reset();
    expect(names(presence.replace({ members: [member("Zed")], total: 1, version: 1 }))).toEqual(["Zed"]);
  });
});
