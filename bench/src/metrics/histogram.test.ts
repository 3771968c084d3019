import { describe, expect, it } from "vitest";
import { Histogram } from "./histogram";

describe("Histogram", () => {
  it("reports quantiles within its bucket precision and merges across processes", () => {
    const a = new Histogram();
    const b = new Histogram();
    for (let v = 1; v <= 10_000; v++) (v % 2 ? a : b).record(v * 10);
    a.merge(b.toSparse());
    expect(a.count).toBe(10_000);
    expect(Math.abs(a.quantile(0.5) - 50_000) / 50_000).toBeLessThan(0.01);
    expect(Math.abs(a.quantile(0.99) - 99_000) / 99_000).toBeLessThan(0.01);
    expect(a.max).toBe(100_000);
    expect(a.quantile(1)).toBe(100_000);
  });
});
