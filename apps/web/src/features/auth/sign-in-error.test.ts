import { describe, expect, it } from "vitest";
import { describeLoginNotice, describeSignInError, INVALID_CREDENTIALS, rateLimitedCode } from "./sign-in-error";

describe("describeSignInError", () => {
  it("turns next-auth's credentials failure into the login page's message", () => {
    expect(describeSignInError("CredentialsSignin")).toBe(INVALID_CREDENTIALS);
    expect(INVALID_CREDENTIALS).toBe("Invalid email or password");
  });
  it("tells a throttled person how long to wait", () => {
    expect(describeSignInError(rateLimitedCode(42))).toBe("Too many sign-in attempts. Try again in 42 seconds.");
    expect(describeSignInError(rateLimitedCode(600))).toBe("Too many sign-in attempts. Try again in 10 minutes.");
  });
  it("shows only known messages: anything else in ?error= reads as a generic failure", () => {
    expect(describeSignInError("Your account is locked, call +1 555 0100 now")).toBe("Signing in failed. Please try again.");
    expect(describeSignInError("RateLimited:soon")).toBe("Signing in failed. Please try again.");
    expect(describeSignInError("<script>alert(1)</script>")).toBe("Signing in failed. Please try again.");
    expect(describeSignInError("toString")).toBe("Signing in failed. Please try again.");
    expect(describeSignInError("Deactivated")).toMatch(/deactivated/);
  });
  it("says nothing when there was no error", () => {
    expect(describeSignInError(null)).toBeNull();
    expect(describeSignInError("")).toBeNull();
  });
  it("knows its notices and nothing else", () => {
    expect(describeLoginNotice("password-set")).toBe("Your password is set. Sign in with it.");
    expect(describeLoginNotice("you-won")).toBeNull();
  });
});
