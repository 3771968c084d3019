import { describe, expect, it } from "vitest";
import { extensionStatus as status } from "@/features/realtime/test-events";
import { lampOf } from "./lamp";

describe("lampOf", () => {
  it("tells unregistered, unreachable and DND apart from idle", () => {
    expect(lampOf(undefined)).toBe("unregistered");
    expect(lampOf(status("a", { registration: "unregistered", lamp: "unavailable" }))).toBe("unregistered");
    expect(lampOf(status("a", { registration: "unreachable", lamp: "unavailable" }))).toBe("unreachable");
    expect(lampOf(status("a", { dnd: true, lamp: "dnd" }))).toBe("dnd");
    expect(lampOf(status("a"))).toBe("idle");
  });
});
