import { describe, expect, it } from "vitest";
import { ConsoleTracker } from "./console-tracker";

describe("ConsoleTracker", () => {
  it("accepts a gap-free stream and resumes from the last seq", () => {
    const t = new ConsoleTracker("o", true, 10);
    for (const seq of [11, 12, 13]) t.onEvent(seq);
    t.onSynced(13);
    expect(t.lastSeq).toBe(13);
    expect(t.lost(13)).toBe(0);
    expect(t.caughtUp(13)).toBe(true);
    expect([t.duplicates, t.outOfOrder]).toEqual([0, 0]);
  });

  it("tells duplicates, late arrivals and losses apart", () => {
    const t = new ConsoleTracker("o", true, 0);
    t.onEvent(1);
    t.onEvent(3);
    t.onEvent(2);
    t.onEvent(2);
    t.onEvent(6);
    expect(t.outOfOrder).toBe(1);
    expect(t.duplicates).toBe(1);
    expect(t.lost(7)).toBe(3);
    expect(t.caughtUp(6)).toBe(false);
  });

  it("counts a sync past what arrived as missing, and anything reaching a viewer who may not see it", () => {
    const t = new ConsoleTracker("o", true, 5);
    t.onSynced(8);
    expect(t.lost(8)).toBe(3);
    const customer = new ConsoleTracker("o", false, 5);
    customer.onSynced(8);
    expect(customer.lost(8)).toBe(0);
    customer.onEvent(9);
    expect(customer.unauthorized).toBe(1);
  });
});
