import { describe, expect, it } from "vitest";
import { describeSignInError, INVALID_CREDENTIALS } from "./sign-in-error";

describe("describeSignInError", () => {
  it("turns next-auth's credentials failure into the login page's message", () => {
    expect(describeSignInError("CredentialsSignin")).toBe(INVALID_CREDENTIALS);
    expect(INVALID_CREDENTIALS).toBe("Invalid email or password");
  });
  it("passes the server's own messages (e.g. a lockout) through", () => {
    const lockout = "Too many failed sign-in attempts. Try again in 15 minutes.";
    expect(describeSignInError(lockout)).toBe(lockout);
  });
  it("says nothing when there was no error", () => {
    expect(describeSignInError(null)).toBeNull();
    expect(describeSignInError("")).toBeNull();
  });
});
