import { describe, expect, it } from "vitest";
import type { EventFamily } from "./event-types";
import { familiesFor, familyOfKind, topicsKey, topicsOfKey } from "./topics";

describe("familiesFor", () => {
  it("takes exactly the families of a view's event types", () => {
    expect(familiesFor<EventFamily<"call"> | "trunk.updated">()(["calls", "trunks"])).toEqual(["calls", "trunks"]);
    // @ts-expect-error trunks is missing
    familiesFor<EventFamily<"call"> | "trunk.updated">()(["calls"]);
    // @ts-expect-error the view applies no job event
    familiesFor<EventFamily<"call">>()(["calls", "jobs"]);
  });
});

describe("topic helpers", () => {
  it("names an entity kind's family", () => {
    expect(familyOfKind("extension")).toBe("extensions");
    expect(familyOfKind("pause_reason")).toBe("queues");
    expect(familyOfKind("office")).toBe("offices");
  });

  it("keys a list of topics regardless of order and repeats", () => {
    expect(topicsKey(["trunks", "calls", "trunks"])).toBe(topicsKey(["calls", "trunks"]));
    expect(topicsOfKey(topicsKey(["trunks", "calls"]))).toEqual(["calls", "trunks"]);
    expect(topicsOfKey(topicsKey([]))).toEqual([]);
  });
});
