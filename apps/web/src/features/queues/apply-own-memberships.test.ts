import { describe, expect, it } from "vitest";
import type { QueueMemberView } from "@switchboard/contracts";
import { applyOwnMemberships, type OwnMembership } from "./apply-own-memberships";
import { memberView as member, queueEvent, queueView } from "./testing/queue-views";

const own = (over: Partial<QueueMemberView> = {}): OwnMembership => ({ ...member(over), queueName: "support" });

describe("applyOwnMemberships", () => {
  it("follows the user's own members, queue changes and deletions, and ignores others'", () => {
    const sales = queueView({
      id: "q-sales",
      name: "sales",
      members: [member({ id: "m-2", queueId: "q-sales" }), member({ id: "m-3", queueId: "q-sales", userId: "u-bo" })]
    });
    const events = [
      queueEvent("agent.state_changed", member({ paused: true, pauseReason: "Lunch", state: "paused" })),
      queueEvent("agent.state_changed", member({ id: "m-9", userId: "u-bo", state: "on_call" })),
      queueEvent("queue.changed", sales)
    ];
    const list = applyOwnMemberships([own()], events, "u-ana");
    expect(list.map((m) => [m.queueName, m.id, m.state])).toEqual([
      ["sales", "m-2", "available"],
      ["support", "m-ana", "paused"]
    ]);
    expect(applyOwnMemberships(list, [queueEvent("queue.deleted", { id: "q-sales", label: "sales" })], "u-ana").map((m) => m.id)).toEqual(["m-ana"]);
  });
});
