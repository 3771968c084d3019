import { describe, expect, it } from "vitest";
import { TokenBucket } from "./token-bucket";

describe("TokenBucket", () => {
  it("allows a burst, refuses past it, refills over time and flags a sustained flood", () => {
    const bucket = new TokenBucket(3, 2, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    expect(bucket.take(1000)).toBe(true);
    expect(bucket.exhausted()).toBe(false);
    for (let i = 0; i < 4; i++) bucket.take(1000);
    expect(bucket.exhausted()).toBe(true);
  });
});
