import type { TicketWatcher } from "@switchboard/contracts";
import { describe, expect, it } from "vitest";
import { TypingThrottle } from "./typing-throttle";
import { describeViewers, initialsOf, newerViewers, othersOf } from "./viewer-text";

const viewer = (name: string, typing = false): TicketWatcher => ({ userId: name, name: `${name} Lima`, role: "agent", typing, since: "2026-01-01T00:00:00Z" });

describe("describeViewers", () => {
  it("names who is replying first, then who is viewing", () => {
    expect(describeViewers([])).toEqual([]);
    expect(describeViewers([viewer("Ana")])).toEqual(["Ana is viewing"]);
    expect(describeViewers([viewer("Ana", true)])).toEqual(["Ana is replying…"]);
    expect(describeViewers([viewer("Ana"), viewer("Bo", true), viewer("Cy")])).toEqual(["Bo is replying…", "Ana and Cy are viewing"]);
    expect(describeViewers([viewer("Ana"), viewer("Bo"), viewer("Cy")])).toEqual(["Ana, Bo and Cy are viewing"]);
    expect(describeViewers([viewer("Ana", true), viewer("Bo", true), viewer("Cy", true), viewer("Di", true)])).toEqual(["Ana, Bo and 2 others are replying…"]);
  });

  it("leaves you out, keeps the newest list, makes initials", () => {
    expect(othersOf([viewer("Ana"), viewer("Bo")], "Ana").map((v) => v.userId)).toEqual(["Bo"]);
    const older = { ticketId: "t", viewers: [viewer("Ana")], at: 10 };
    const newer = { ticketId: "t", viewers: [], at: 11 };
    expect(newerViewers(newer, older)).toBe(newer);
    expect(newerViewers(older, newer)).toBe(newer);
    expect(newerViewers(undefined, older)).toBe(older);
    expect(initialsOf("Ana Maria Lima")).toBe("AL");
    expect(initialsOf("bo")).toBe("B");
  });
});

describe("TypingThrottle", () => {
  it("sends typing at most once per interval and stopped only after typing", () => {
    let now = 0;
    const sent: boolean[] = [];
    const throttle = new TypingThrottle(
      (typing) => sent.push(typing),
      2_000,
      () => now
    );
    throttle.stop();
    expect(sent).toEqual([]);
    throttle.notify();
    now = 500;
    throttle.notify();
    now = 1_999;
    throttle.notify();
    expect(sent).toEqual([true]);
    now = 2_000;
    throttle.notify();
    expect(sent).toEqual([true, true]);
    expect(throttle.composing).toBe(true);
    throttle.stop();
    throttle.stop();
    expect(sent).toEqual([true, true, false]);
    now = 2_100;
    throttle.notify();
    expect(sent).toEqual([true, true, false, true]);
    throttle.reset();
    throttle.notify();
    expect(sent).toEqual([true, true, false, true, true]);
  });
});
