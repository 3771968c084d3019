import { describe, expect, it } from "vitest";
import { repliesWhileComposing, trafficCopMessage } from "./traffic-cop";
import { reply } from "./testing/ticket-events";

describe("traffic cop", () => {
  const before = [reply("r1", "t1")];

  it("reports nothing while the composer is empty", () => {
    expect(repliesWhileComposing([...before, reply("r2", "t1")], null, "u-bo")).toEqual([]);
  });

  it("reports others' replies that arrived after the draft was started, not one's own", () => {
    const baseline = new Set(["r1"]);
    const replies = [...before, reply("r2", "t1"), reply("r3", "t1", { authorId: "u-bo", authorName: "Bo Agent" })];
    expect(repliesWhileComposing(replies, baseline, "u-bo").map((r) => r.id)).toEqual(["r2"]);
  });

  it("names who replied", () => {
    expect(trafficCopMessage([reply("r2", "t1")])).toBe("Ana Agent replied while you were writing.");
    expect(trafficCopMessage([reply("r2", "t1"), reply("r3", "t1", { authorName: "Cara Customer" }), reply("r4", "t1")])).toBe(
      "Ana Agent and Cara Customer replied while you were writing."
    );
  });
});
