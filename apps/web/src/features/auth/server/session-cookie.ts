import "server-only";
import { cookies } from "next/headers";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE_NAMES } from "@switchboard/auth";
import { getRuntime } from "@/server/runtime";
import type { Viewer } from "./require-viewer";

/**
 * Replaces this browser's session cookie with one of `sessionVersion`, after a change that ended
 * every session of the user (a password change): the person who made it stays signed in here,
 * every other session is out. Same name, lifetime and flags as next-auth's own cookie.
 */
export async function reissueSessionCookie(viewer: Viewer, sessionVersion: number): Promise<void> {
  const { config } = getRuntime();
  const jar = await cookies();
  const name = SESSION_COOKIE_NAMES.find((n) => jar.has(n) || jar.has(`${n}.0`)) ?? SESSION_COOKIE_NAMES[1];
  const maxAge = config.sessionMaxAgeSeconds;
  const value = await encode({
    token: { sub: viewer.id, orgId: viewer.orgId, role: viewer.role, name: viewer.name, email: viewer.email, sv: sessionVersion },
    secret: config.authSecret,
    maxAge
  });
  jar.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure: name.startsWith("__Secure-"), maxAge });
}
