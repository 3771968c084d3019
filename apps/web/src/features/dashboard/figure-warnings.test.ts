import { describe, expect, it } from "vitest";
import { callsHref, missedCallsWarning, trunkUsageWarning } from "./figure-warnings";

describe("dashboard warnings", () => {
  it("flags a missed-call share above 20%, in words", () => {
    expect(missedCallsWarning(0, 0)).toBeNull();
    expect(missedCallsWarning(2, 10)).toBeNull();
    expect(missedCallsWarning(3, 10)).toBe("30% of today's calls were missed");
  });

  it("flags trunks at 80% of their channels or more", () => {
    expect(trunkUsageWarning(7, 10)).toBeNull();
    expect(trunkUsageWarning(8, 10)).toBe("Near capacity");
    expect(trunkUsageWarning(10, 10)).toBe("At capacity");
    expect(trunkUsageWarning(0, 0)).toBeNull();
  });

  it("links to the calls list with its own filter parameters", () => {
    expect(callsHref({})).toBe("/calls");
    expect(callsHref({ result: "missed", day: "2026-03-01" })).toBe("/calls?result=missed&from=2026-03-01&to=2026-03-01");
    expect(callsHref({ day: "2026-03-01", extension: "102" })).toBe("/calls?extension=102&from=2026-03-01&to=2026-03-01");
  });
});
