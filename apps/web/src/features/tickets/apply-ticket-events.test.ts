import { describe, expect, it } from "vitest";
import { applyTicketListEvents, applyTicketThreadEvents, sortByUpdated, unreadTicketIds } from "./apply-ticket-events";
import { DEFAULT_TICKET_PARAMS, pageAccepts } from "./ticket-list-params";
import { activity, hiddenEvent, reply, replyEvent, staffTicket, ticketEvent } from "./testing/ticket-events";

const all = () => true;

describe("applyTicketListEvents", () => {
  it("replaces a changed row in place, keeping the order", () => {
    const rows = [staffTicket("t1"), staffTicket("t2")];
    const next = applyTicketListEvents(rows, [ticketEvent("ticket.status_changed", staffTicket("t2", { status: "resolved", version: 2 }))], all);
    expect(next.map((r) => [r.id, r.status])).toEqual([
      ["t1", "open"],
      ["t2", "resolved"]
    ]);
    expect(next[0]).toBe(rows[0]);
    expect(next[1]).not.toHaveProperty("activity");
  });

  it("ignores an event older than the row it would replace", () => {
    const rows = [staffTicket("t1", { version: 5, status: "pending" })];
    const next = applyTicketListEvents(rows, [ticketEvent("ticket.updated", staffTicket("t1", { version: 4, status: "open" }))], all);
    expect(next[0]?.status).toBe("pending");
  });

  it("puts new tickets on top only when the page shows them", () => {
    const created = ticketEvent("ticket.created", staffTicket("t9", { status: "open" }));
    expect(applyTicketListEvents([staffTicket("t1")], [created], all).map((r) => r.id)).toEqual(["t9", "t1"]);
    const resolvedOnly = { ...DEFAULT_TICKET_PARAMS, status: "resolved" };
    expect(applyTicketListEvents([], [created], (t) => pageAccepts(resolvedOnly, "u-ana", t))).toEqual([]);
    const page2 = { ...DEFAULT_TICKET_PARAMS, page: 2 };
    expect(applyTicketListEvents([], [created], (t) => pageAccepts(page2, "u-ana", t))).toEqual([]);
  });

  it("drops a ticket the viewer lost sight of", () => {
    expect(applyTicketListEvents([staffTicket("t1"), staffTicket("t2")], [hiddenEvent("t1")], all).map((r) => r.id)).toEqual(["t2"]);
  });

  it("keeps the rows as they are for a reply that changes nothing they show", () => {
    const rows = [staffTicket("t1")];
    expect(applyTicketListEvents(rows, [replyEvent(reply("r1", "t1"))], all)).toBe(rows);
  });
});

describe("applyTicketThreadEvents", () => {
  const detail = { ticket: staffTicket("t1"), replies: [reply("r1", "t1")], activity: [] };

  it("appends replies and audit rows of this ticket once each", () => {
    const r2 = replyEvent(reply("r2", "t1", { body: "second" }));
    const change = ticketEvent("ticket.status_changed", staffTicket("t1", { status: "resolved", version: 2 }), activity("a1", "t1"));
    const thread = applyTicketThreadEvents(detail, [r2, r2, change, change, replyEvent(reply("r9", "other"))], true);
    expect(thread.replies.map((r) => r.id)).toEqual(["r1", "r2"]);
    expect(thread.ticket.status).toBe("resolved");
    expect(thread.activity.map((a) => a.id)).toEqual(["a1"]);
    expect(thread.hidden).toBe(false);
  });

  it("never shows a customer an internal note or internal activity, even if one arrived", () => {
    const note = replyEvent(reply("r2", "t1", { internal: true, body: "staff only" }));
    const assigned = ticketEvent("ticket.assigned", staffTicket("t1", { version: 2 }), activity("a1", "t1", { kind: "assigned", internal: true }));
    const thread = applyTicketThreadEvents(detail, [note, assigned], false);
    expect(thread.replies.map((r) => r.id)).toEqual(["r1"]);
    expect(thread.activity).toEqual([]);
    expect(applyTicketThreadEvents(detail, [note], true).replies.map((r) => r.id)).toEqual(["r1", "r2"]);
  });

  it("strips the event's ticket facts from a reply", () => {
    const thread = applyTicketThreadEvents(detail, [replyEvent(reply("r2", "t1"))], true);
    expect(Object.keys(thread.replies[1] ?? {}).sort()).toEqual(Object.keys(reply("x", "t1")).sort());
  });

  it("marks the thread hidden when the viewer lost sight of the ticket", () => {
    expect(applyTicketThreadEvents(detail, [hiddenEvent("t1")], true).hidden).toBe(true);
  });
});

describe("replies in the ticket list", () => {
  const later = "2026-01-02T09:00:00.000Z";
  it("move the ticket's Updated, and a customer's its last customer reply; sorting by Updated brings it to the top", () => {
    const rows = [staffTicket("t1", { updatedAt: "2026-01-01T12:00:00.000Z" }), staffTicket("t2")];
    const customer = replyEvent(reply("r1", "t2", { authorId: "u-cara", authorName: "Cara Customer", authorIsStaff: false, createdAt: later }));
    const next = applyTicketListEvents(rows, [customer], all);
    expect(next[1]).toMatchObject({ id: "t2", updatedAt: later, lastCustomerReplyAt: later });
    expect(sortByUpdated(next, "desc").map((r) => r.id)).toEqual(["t2", "t1"]);
    const staffReply = applyTicketListEvents(rows, [replyEvent(reply("r2", "t2", { createdAt: later }))], all);
    expect(staffReply[1]).toMatchObject({ updatedAt: later, lastCustomerReplyAt: null });
  });

  it("mark tickets with a customer reply as unread, on top of what the server said; staff replies and notes do not", () => {
    const events = [
      replyEvent(reply("r1", "t2", { authorIsStaff: false, createdAt: later })),
      replyEvent(reply("r2", "t3", { createdAt: later })),
      replyEvent(reply("r3", "t4", { internal: true, createdAt: later }))
    ];
    expect([...unreadTicketIds(["t1"], events)].sort()).toEqual(["t1", "t2"]);
  });
});
