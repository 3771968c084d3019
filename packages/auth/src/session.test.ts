import { createHash } from "node:crypto";
import { SignJWT } from "jose";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { findSessionCookie, mintRealtimeToken, verifyRealtimeToken, verifySessionCookie } from "./session";

const secret = "unit-test-secret-unit-test-secret-0123";
const user = { id: "u1", orgId: "o1", role: "agent" as const, name: "Ana", email: "ana@example.test", sessionVersion: 3 };

async function cookieFor(claims: Record<string, unknown>, maxAge = 3600, key = secret) {
  const token = await encode({ token: claims, secret: key, maxAge });
  return `other=1; next-auth.session-token=${token}`;
}

describe("session cookie", () => {
  it("accepts a valid next-auth cookie and returns the user", async () => {
    const result = await verifySessionCookie(await cookieFor({ sub: "u1", orgId: "o1", role: "agent", name: "Ana", email: "a@x" }), secret);
    expect(result).toMatchObject({ ok: true, user: { id: "u1", orgId: "o1", role: "agent" } });
  });

  it("refuses a forged cookie (other secret), a missing one, and one without org claims", async () => {
    expect(await verifySessionCookie(await cookieFor({ sub: "u1", orgId: "o1", role: "admin" }, 3600, "attacker-secret-attacker-secret-000"), secret)).toEqual({
      ok: false,
      reason: "invalid"
    });
    expect(await verifySessionCookie("a=b", secret)).toEqual({ ok: false, reason: "missing" });
    expect(await verifySessionCookie(await cookieFor({ sub: "u1" }), secret)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses an expired cookie", async () => {
    const result = await verifySessionCookie(await cookieFor({ sub: "u1", orgId: "o1", role: "agent" }, -10), secret);
    expect(result).toEqual({ ok: false, reason: "expired" });
    const longExpired = await verifySessionCookie(await cookieFor({ sub: "u1", orgId: "o1", role: "agent" }, -3600), secret);
    expect(longExpired).toEqual({ ok: false, reason: "expired" });
  });

  it("carries the session version, counting a cookie without one as the first", async () => {
    const versioned = await verifySessionCookie(await cookieFor({ sub: "u1", orgId: "o1", role: "agent", sv: 4 }), secret);
    expect(versioned).toMatchObject({ ok: true, user: { sessionVersion: 4 } });
    const older = await verifySessionCookie(await cookieFor({ sub: "u1", orgId: "o1", role: "agent" }), secret);
    expect(older).toMatchObject({ ok: true, user: { sessionVersion: 1 } });
  });

  it("refuses garbage and broken %-escapes in any cookie instead of throwing", async () => {
    for (const header of [
      "next-auth.session-token=%E0%A4%A",
      "a=%; next-auth.session-token=x.y.z",
      "next-auth.session-token=\u0000\uffff",
      "=;;==;next-auth.session-token=="
    ]) {
      expect(await verifySessionCookie(header, secret)).toMatchObject({ ok: false });
    }
    expect(await verifySessionCookie("a=%zz", secret)).toEqual({ ok: false, reason: "missing" });
  });

  it("joins chunked cookies", () => {
    expect(findSessionCookie("next-auth.session-token.0=abc; next-auth.session-token.1=def")).toBe("abcdef");
  });
});

describe("realtime token", () => {
  it("round-trips and keeps the web session's expiry", async () => {
    const sessionExpiresAt = Date.now() + 3_600_000;
    const token = await mintRealtimeToken(user, secret, 60, sessionExpiresAt);
    expect(await verifyRealtimeToken(token, secret)).toEqual({ ok: true, user, expiresAt: sessionExpiresAt });
  });

  it("refuses expired, forged and cross-purpose tokens", async () => {
    expect(await verifyRealtimeToken(await mintRealtimeToken(user, secret, -5), secret)).toEqual({ ok: false, reason: "expired" });
    expect(await verifyRealtimeToken(await mintRealtimeToken(user, "other-secret-other-secret-other-0"), secret)).toEqual({ ok: false, reason: "invalid" });
    const sessionJwt = await encode({ token: { sub: "u1", orgId: "o1", role: "admin" }, secret });
    expect(await verifyRealtimeToken(sessionJwt, secret)).toEqual({ ok: false, reason: "invalid" });
  });

  it("refuses a token whose claims, algorithm or audience were changed", async () => {
    const [header, payload, signature] = (await mintRealtimeToken(user, secret)).split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString()) as Record<string, unknown>;
    const encode64 = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const promoted = [header, encode64({ ...claims, role: "admin" }), signature].join(".");
    expect(await verifyRealtimeToken(promoted, secret)).toEqual({ ok: false, reason: "invalid" });
    const unsigned = [encode64({ alg: "none" }), payload, ""].join(".");
    expect(await verifyRealtimeToken(unsigned, secret)).toEqual({ ok: false, reason: "invalid" });
    const otherAudience = await new SignJWT({ ...claims, aud: "elsewhere" })
      .setProtectedHeader({ alg: "HS256" })
      .sign(createHash("sha256").update(`switchboard:realtime-token:${secret}`).digest());
    expect(await verifyRealtimeToken(otherAudience, secret)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyRealtimeToken("not a token", secret)).toEqual({ ok: false, reason: "invalid" });
  });
});
