import { describe, expect, it } from "vitest";
import { DEFAULT_TICKET_PARAMS, pageAccepts, readTicketListParams, ticketHref, ticketListHref, toTicketQuery } from "./ticket-list-params";
import { staffTicket } from "./testing/ticket-events";

describe("ticket list URL parameters", () => {
  it("round-trips through the URL, leaving defaults out", () => {
    const params = readTicketListParams({ status: "open", mine: "true", q: " pin ", page: "2", sort: "priority", dir: "asc", pageSize: "50" });
    expect(params).toMatchObject({ status: "open", mine: true, q: "pin", page: 2, sort: "priority", dir: "asc", pageSize: 50 });
    expect(ticketListHref(params)).toBe("/tickets?q=pin&status=open&sort=priority&dir=asc&mine=true&page=2&pageSize=50");
    expect(readTicketListParams(Object.fromEntries(new URL(`http://x${ticketListHref(params)}`).searchParams))).toEqual(params);
    expect(ticketListHref(DEFAULT_TICKET_PARAMS)).toBe("/tickets");
  });

  it("carries the list a ticket was opened from in the ticket's link", () => {
    expect(ticketHref("abc", { ...DEFAULT_TICKET_PARAMS, status: "open", page: 2 })).toBe("/tickets/abc?status=open&page=2");
    expect(ticketHref("abc", DEFAULT_TICKET_PARAMS)).toBe("/tickets/abc");
  });

  it("falls back to defaults for nonsense paging, and passes filters on for the service to validate", () => {
    const params = readTicketListParams({ page: "-3", pageSize: "abc", status: "bogus", dir: "sideways" });
    expect(params).toMatchObject({ page: 1, pageSize: 25, dir: "desc", status: "bogus" });
    expect(toTicketQuery(params)).toEqual({ sort: "updatedAt", dir: "desc", page: 1, pageSize: 25, status: "bogus" });
  });

  it("accepts a live ticket onto the page only when it meets the filters", () => {
    const mine = staffTicket("t1", { assigneeId: "u-ana", priority: "high", number: 1042, subject: "Echo on calls" });
    const accepts = (extra: Partial<typeof DEFAULT_TICKET_PARAMS>) => pageAccepts({ ...DEFAULT_TICKET_PARAMS, ...extra }, "u-ana", mine);
    expect(accepts({})).toBe(true);
    expect(accepts({ mine: true })).toBe(true);
    expect(accepts({ assignee: "me" })).toBe(true);
    expect(accepts({ assignee: "none" })).toBe(false);
    expect(accepts({ priority: "urgent" })).toBe(false);
    expect(accepts({ priority: "high,urgent" })).toBe(true);
    expect(accepts({ office: "none" })).toBe(false);
    expect(accepts({ q: "T-1042" })).toBe(true);
    expect(accepts({ q: "echo" })).toBe(true);
    expect(accepts({ q: "fax" })).toBe(false);
    expect(accepts({ page: 2 })).toBe(false);
  });

  it("accepts a live ticket onto the overdue list only while its SLA is past due and running", () => {
    const due = "2026-03-02T12:00:00.000Z";
    const before = Date.parse(due) - 60_000;
    const after = Date.parse(due) + 60_000;
    const overdue = { ...DEFAULT_TICKET_PARAMS, overdue: true };
    expect(pageAccepts(overdue, "u-ana", staffTicket("t1", { slaDueAt: due }), after)).toBe(true);
    expect(pageAccepts(overdue, "u-ana", staffTicket("t1", { slaDueAt: due }), before)).toBe(false);
    expect(pageAccepts(overdue, "u-ana", staffTicket("t1", { slaDueAt: due, status: "resolved" }), after)).toBe(false);
    expect(ticketListHref(overdue)).toBe("/tickets?overdue=true");
    expect(toTicketQuery(overdue)).toMatchObject({ overdue: "true" });
  });
});
