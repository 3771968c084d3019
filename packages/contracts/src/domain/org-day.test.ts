import { describe, expect, it } from "vitest";
import { startOfNextOrgDay, startOfOrgDay, startOfQuarterHour } from "./org-day";

const at = (iso: string) => new Date(iso);

describe("the organization's day", () => {
  it("is the UTC day by default", () => {
    expect(startOfOrgDay(at("2026-03-10T23:59:59.999Z")).toISOString()).toBe("2026-03-10T00:00:00.000Z");
    expect(startOfNextOrgDay(at("2026-03-10T00:00:00.000Z")).toISOString()).toBe("2026-03-11T00:00:00.000Z");
  });

  it("starts at local midnight in a named zone, including zones off by half an hour", () => {
    // 02:30 UTC is still the previous evening in New York (UTC-5 in January).
    expect(startOfOrgDay(at("2026-01-15T02:30:00Z"), "America/New_York").toISOString()).toBe("2026-01-14T05:00:00.000Z");
    expect(startOfOrgDay(at("2026-01-15T20:00:00Z"), "Asia/Kolkata").toISOString()).toBe("2026-01-15T18:30:00.000Z");
  });

  it("follows daylight saving time: the day it begins is 23 hours long", () => {
    // Europe/Berlin moves to summer time on 2026-03-29.
    const start = startOfOrgDay(at("2026-03-29T12:00:00Z"), "Europe/Berlin");
    const next = startOfNextOrgDay(at("2026-03-29T12:00:00Z"), "Europe/Berlin");
    expect(start.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(next.toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  it("cuts time into quarter hours on every clock", () => {
    expect(startOfQuarterHour(at("2026-01-01T10:14:59.999Z")).toISOString()).toBe("2026-01-01T10:00:00.000Z");
    expect(startOfQuarterHour(at("2026-01-01T10:15:00.000Z")).toISOString()).toBe("2026-01-01T10:15:00.000Z");
  });
});
