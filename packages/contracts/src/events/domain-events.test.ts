import { describe, expect, it } from "vitest";
import { isEventType, parseEventData } from "./domain-events";

describe("event schemas", () => {
  it("knows every event type and rejects others", () => {
    expect(isEventType("extension.created")).toBe(true);
    expect(isEventType("extension.exploded")).toBe(false);
  });

  it("validates data per type, naming the failing path", () => {
    expect(parseEventData("trunk.deleted", { id: "t1", label: "Carrier" })).toEqual({ id: "t1", label: "Carrier" });
    expect(() => parseEventData("trunk.deleted", { id: 5 })).toThrow(/invalid trunk.deleted data at id/);
  });
});
