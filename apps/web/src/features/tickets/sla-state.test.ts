import { describe, expect, it } from "vitest";
import { formatSlaDuration, isOverdue, slaStateOf } from "./sla-state";

const H = 3_600_000;
const M = 60_000;
const created = Date.parse("2026-03-02T08:00:00Z");
const ticket = (hours: number, status: "open" | "pending" | "on_hold" | "resolved" | "closed" = "open") => ({
  createdAt: new Date(created).toISOString(),
  slaDueAt: new Date(created + hours * H).toISOString(),
  status
});

describe("formatSlaDuration", () => {
  it("reads in the two largest units, rounded down to the minute", () => {
    expect(formatSlaDuration(2 * H + 10 * M + 59_000)).toBe("2h 10m");
    expect(formatSlaDuration(12 * M)).toBe("12m");
    expect(formatSlaDuration(3 * 24 * H + 4 * H + 5 * M)).toBe("3d 4h");
    expect(formatSlaDuration(59_000)).toBe("less than a minute");
    expect(formatSlaDuration(-12 * M)).toBe("12m");
  });
});

describe("slaStateOf", () => {
  it("is on track with most of the window left", () => {
    expect(slaStateOf(ticket(24), created + 2 * H)).toEqual({ tone: "on_track", text: "due in 22h 0m" });
  });

  it("is at risk under a quarter of the window, and in the last hour of a short one", () => {
    expect(slaStateOf(ticket(24), created + 19 * H)).toEqual({ tone: "at_risk", text: "due in 5h 0m · at risk" });
    expect(slaStateOf(ticket(24), created + 17 * H)).toEqual({ tone: "on_track", text: "due in 7h 0m" });
    // A 4-hour window: 1h 10m left is more than a quarter, but under an hour is at risk regardless.
    expect(slaStateOf(ticket(4), created + 2 * H + 50 * M)?.tone).toBe("on_track");
    expect(slaStateOf(ticket(4), created + 3 * H + 10 * M)).toEqual({ tone: "at_risk", text: "due in 50m · at risk" });
  });

  it("is overdue from the due time on, saying by how much", () => {
    expect(slaStateOf(ticket(4), created + 4 * H)).toEqual({ tone: "overdue", text: "overdue by less than a minute" });
    expect(slaStateOf(ticket(4), created + 4 * H + 12 * M)).toEqual({ tone: "overdue", text: "overdue by 12m" });
  });

  it("runs only while the ticket waits for an answer", () => {
    expect(slaStateOf(ticket(4, "pending"), created + 5 * H)?.tone).toBe("overdue");
    for (const status of ["on_hold", "resolved", "closed"] as const) {
      expect(slaStateOf(ticket(4, status), created + 5 * H)).toBeNull();
      expect(isOverdue(ticket(4, status).slaDueAt, status, created + 5 * H)).toBe(false);
    }
    expect(isOverdue(ticket(4).slaDueAt, "open", created + 5 * H)).toBe(true);
  });
});
