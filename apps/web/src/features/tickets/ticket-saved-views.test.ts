import { describe, expect, it } from "vitest";
import { DEFAULT_TICKET_PARAMS, readTicketListParams, ticketListHref } from "./ticket-list-params";
import { activeSavedView, SAVED_VIEWS, savedViewParams } from "./ticket-saved-views";

const view = (id: string) => {
  const found = SAVED_VIEWS.find((v) => v.id === id);
  if (!found) throw new Error(`no view ${id}`);
  return found;
};

describe("saved ticket views", () => {
  it("are links to the list's own URL filters", () => {
    expect(SAVED_VIEWS.map((v) => ticketListHref(savedViewParams(v)))).toEqual([
      "/tickets",
      "/tickets?status=open&mine=true",
      "/tickets?status=open&assignee=none",
      "/tickets?overdue=true",
      "/tickets?status=pending"
    ]);
  });

  it("keep the sort order and page size, and start on the first page", () => {
    const current = { ...DEFAULT_TICKET_PARAMS, sort: "slaDueAt", dir: "asc" as const, page: 3, pageSize: 50, q: "pin" };
    expect(ticketListHref(savedViewParams(view("overdue"), current))).toBe("/tickets?sort=slaDueAt&dir=asc&overdue=true&pageSize=50");
  });

  it("tell which view the URL shows, and none for other filters", () => {
    expect(activeSavedView(readTicketListParams({ status: "pending", page: "2", sort: "number" }))?.id).toBe("pending");
    expect(activeSavedView(readTicketListParams({ mine: "true", status: "open" }))?.id).toBe("mine");
    expect(activeSavedView(readTicketListParams({}))?.id).toBe("all");
    expect(activeSavedView(readTicketListParams({ status: "pending", q: "pin" }))).toBeNull();
    expect(activeSavedView(readTicketListParams({ mine: "true" }))).toBeNull();
  });
});
