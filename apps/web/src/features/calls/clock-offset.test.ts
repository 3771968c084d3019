import { describe, expect, it } from "vitest";
import { clockOffset } from "./clock-offset";

const server = "2026-01-01T12:00:00.000Z";
const at = (ms: number) => Date.parse(server) + ms;

describe("clockOffset", () => {
  it("takes a slow page for delivery time, not for a browser clock ahead", () => {
    expect(clockOffset(server, at(500))).toBe(0);
    expect(clockOffset(server, at(8_000))).toBe(0);
  });
  it("corrects a browser clock behind the server, which no delivery time explains", () => {
    expect(clockOffset(server, at(-60_000))).toBe(60_000);
    expect(clockOffset(server, at(-1_000))).toBe(0);
  });
  it("corrects a browser clock far ahead", () => {
    expect(clockOffset(server, at(5 * 60_000))).toBe(-5 * 60_000);
  });
  it("ignores a server time it cannot read", () => {
    expect(clockOffset("not a time", at(0))).toBe(0);
  });
});
