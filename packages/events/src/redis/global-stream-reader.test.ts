import { describe, expect, it } from "vitest";
import { positionLost } from "./global-stream-reader";
import { compareStreamIds } from "./stream-ids";

const info = (lastGeneratedId: string, firstEntryId: string | null, maxDeletedEntryId: string | null = "0-0") => ({
  lastGeneratedId,
  firstEntryId,
  maxDeletedEntryId
});

describe("positionLost", () => {
  it("keeps a reader that has nothing to lose or whose entries are all still there", () => {
    expect(positionLost("0-0", null)).toBe(false);
    expect(positionLost("5-0", info("9-0", "1-0"))).toBe(false);
    // Trimmed up to exactly what the reader already has: nothing after it is missing.
    expect(positionLost("5-0", info("9-0", "6-0", "5-0"))).toBe(false);
  });

  it("detects a vanished stream, a trim past the reader, and a different (restarted) stream", () => {
    expect(positionLost("5-0", null)).toBe(true);
    expect(positionLost("5-0", info("9-0", "7-0", "6-0"))).toBe(true);
    expect(positionLost("5-0", info("9-0", "8-0", "0-0"))).toBe(true);
    expect(positionLost("5-0", info("3-0", "1-0"))).toBe(true);
    // Redis 6 does not report max-deleted-entry-id: a first entry beyond us is taken as a loss.
    expect(positionLost("5-0", info("9-0", "8-0", null))).toBe(true);
  });

  it("follows a restarted server's new stream, unless it was trimmed past the reader", () => {
    expect(positionLost("5-0", null, true)).toBe(false);
    expect(positionLost("5-0", info("9-0", "8-0", "0-0"), true)).toBe(false);
    expect(positionLost("5-0", info("9-0", "8-0", "7-0"), true)).toBe(true);
  });

  it("compares ids numerically", () => {
    expect(compareStreamIds("10-0", "9-0")).toBe(1);
    expect(compareStreamIds("9-10", "9-9")).toBe(1);
    expect(compareStreamIds("9-0", "9-0")).toBe(0);
  });
});
