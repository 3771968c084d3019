import { describe, expect, it } from "vitest";
import { elapsedSeconds, formatDuration, holdSecondsAt, partyLabel } from "./call-format";

describe("call durations", () => {
  it("formats seconds as m:ss, then h:mm:ss, never negative", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(7.9)).toBe("0:07");
    expect(formatDuration(754)).toBe("12:34");
    expect(formatDuration(3723)).toBe("1:02:03");
    expect(formatDuration(-5)).toBe("0:00");
  });

  it("counts a live call from its start and hold time across holds", () => {
    const start = Date.parse("2026-11-22T10:00:00.000Z");
    expect(elapsedSeconds({ startedAt: "2026-11-22T10:00:00.000Z" }, start + 61_500)).toBe(61);
    expect(holdSecondsAt({ holdSeconds: 12, holdStartedAt: null }, start)).toBe(12);
    expect(holdSecondsAt({ holdSeconds: 12, holdStartedAt: "2026-11-22T10:00:00.000Z" }, start + 5_000)).toBe(17);
    // A browser clock behind the server's never shows negative hold time.
    expect(holdSecondsAt({ holdSeconds: 0, holdStartedAt: "2026-11-22T10:00:00.000Z" }, start - 3_000)).toBe(0);
  });

  it("names a party by name and number, or number alone", () => {
    expect(partyLabel("+15550100", "Jo Caller")).toBe("Jo Caller (+15550100)");
    expect(partyLabel("101", null)).toBe("101");
  });
});
