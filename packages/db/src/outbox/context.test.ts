import { describe, expect, it, vi } from "vitest";

describe("outbox context across copies of the package", () => {
  it("an actor set by one module copy is seen by another (web bundle vs server in one process)", async () => {
    const first = await import("./context");
    vi.resetModules();
    const second = await import("./context");
    expect(second).not.toBe(first);
    const seen = first.withActor({ id: "u1", name: "Ada" }, () => second.currentActor());
    expect(seen).toEqual({ id: "u1", name: "Ada" });
    expect(second.txStorage).toBe(first.txStorage);
  });
});
