import { describe, expect, it } from "vitest";
import { notification, notificationEvent } from "@/features/tickets/testing/ticket-events";
import { applyNotificationEvents, describeNotification, unreadAfter } from "./apply-notification-events";

describe("inbox events", () => {
  it("counts unread entries on from the snapshot: new ones up, read ones down", () => {
    const n2 = notification("n2");
    const events = [notificationEvent("notification.created", n2), notificationEvent("notification.read", { ...n2, readAt: "2026-01-02T00:00:00.000Z" })];
    expect(unreadAfter(3, events.slice(0, 1))).toBe(4);
    expect(unreadAfter(3, events)).toBe(3);
    expect(unreadAfter(0, [notificationEvent("notification.read", notification("n1", { readAt: "x" }))])).toBe(0);
  });

  it("puts new entries on top of the first page and updates read ones in place", () => {
    const rows = [notification("n1")];
    const read = notificationEvent("notification.read", notification("n1", { readAt: "2026-01-02T00:00:00.000Z" }));
    const created = notificationEvent("notification.created", notification("n2", { kind: "mention" }));
    const next = applyNotificationEvents(rows, [read, created], true);
    expect(next.map((n) => [n.id, n.readAt !== null])).toEqual([
      ["n2", false],
      ["n1", true]
    ]);
    expect(applyNotificationEvents(rows, [created], false).map((n) => n.id)).toEqual(["n1"]);
  });

  it("describes each kind", () => {
    expect(describeNotification(notification("n1"))).toBe("Sam Supervisor assigned T-1001 to you");
    expect(describeNotification(notification("n1", { kind: "reply" }))).toBe("Sam Supervisor replied on T-1001");
    expect(describeNotification(notification("n1", { kind: "mention", actorName: null }))).toBe("Someone mentioned you on T-1001");
  });
});
