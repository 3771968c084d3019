import { describe, expect, it } from "vitest";
import { asOfLabel, backoffDelay, isAuthFailure, isDisconnected } from "./connection-status";

describe("isAuthFailure", () => {
  it.each(["session expired", "invalid session", "Unauthorized", "invalid token"])("treats %s as a reason to sign in again", (message) => {
    expect(isAuthFailure(message)).toBe(true);
  });
  it.each(["xhr poll error", "websocket error", "timeout", "server error"])("retries after %s", (message) => {
    expect(isAuthFailure(message)).toBe(false);
  });
});

describe("backoffDelay", () => {
  it("grows exponentially around the base, within the jitter band", () => {
    expect(backoffDelay(0, 1000, 30_000, 0.5, () => 0)).toBe(500);
    expect(backoffDelay(0, 1000, 30_000, 0.5, () => 1)).toBe(1500);
    expect(backoffDelay(3, 1000, 30_000, 0.5, () => 0.5)).toBe(8000);
  });
  it("never exceeds the cap", () => {
    expect(backoffDelay(20, 1000, 30_000, 0.5, () => 1)).toBe(30_000);
  });
});

describe("backoffDelay defaults", () => {
  it("caps retries at 10 s so a console comes back soon after an outage", () => {
    expect(backoffDelay(20, undefined, undefined, 0.5, () => 1)).toBe(10_000);
  });
});

describe("stale data while disconnected", () => {
  it("counts offline and reconnecting as disconnected, not a delayed live feed", () => {
    expect((["offline", "reconnecting"] as const).every(isDisconnected)).toBe(true);
    expect((["live", "delayed", "connecting"] as const).some(isDisconnected)).toBe(false);
  });

  it("labels the moment the data was last current with seconds", () => {
    expect(asOfLabel(new Date(2026, 0, 2, 14, 3, 7).getTime())).toMatch(/^as of 14:03:07$/);
  });
});
