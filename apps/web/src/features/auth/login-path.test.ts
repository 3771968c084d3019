import { describe, expect, it } from "vitest";
import { loginPath, safeCallbackPath } from "./login-path";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/extensions?q=10")).toBe("/extensions?q=10");
  });
  it.each(["https://evil.test/", "//evil.test", "/\\evil.test", "javascript:alert(1)", "", null, undefined])("refuses %s", (value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });
  it("never returns to the login page or an API route", () => {
    expect(safeCallbackPath("/login?callbackUrl=/x")).toBe("/");
    expect(safeCallbackPath("/api/realtime/token")).toBe("/");
  });
});

describe("loginPath", () => {
  it("adds an encoded callbackUrl only when there is somewhere to return to", () => {
    expect(loginPath("/")).toBe("/login");
    expect(loginPath("/trunks?page=2")).toBe("/login?callbackUrl=%2Ftrunks%3Fpage%3D2");
  });
});
