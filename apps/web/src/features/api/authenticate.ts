import { z } from "zod";
import { verifySessionCookie, type SessionResult, type SessionUser } from "@switchboard/auth";
import { authenticateApiToken, checkSession, type DbClient } from "@switchboard/db";
import { unauthorized } from "./api-error";

const SESSION_FAILURE: Record<Extract<SessionResult, { ok: false }>["reason"], string> = {
  missing: "authentication required: send `Authorization: Bearer <api token>` or a session cookie",
  expired: "session expired; sign in again",
  invalid: "session cookie is invalid"
};

const SESSION_ENDED = {
  missing: "the session's user no longer exists",
  deactivated: "the session's user is deactivated",
  revoked: "session was signed out; sign in again"
} as const;

/**
 * Who is calling: an API token in the Authorization header, else the web app's next-auth session
 * cookie. A request that sends an Authorization header is judged on it alone (no fallback to the
 * cookie), so a bad token is never masked by a browser session. The user is re-read from the
 * database either way: a deleted or deactivated account, a revoked session or a changed role takes
 * effect on the next request.
 */
export async function authenticateRequest(request: Request, deps: { db: DbClient; authSecret: string }): Promise<SessionUser> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer +(\S+) *$/i.exec(authorization);
    const token = match?.[1];
    if (!token) throw unauthorized("Authorization header must be `Bearer <api token>`", "invalid_request");
    const user = await authenticateApiToken(deps.db, token);
    if (!user) throw unauthorized("API token is invalid, revoked or expired", "invalid_token");
    return user;
  }
  const session = await verifySessionCookie(request.headers.get("cookie") ?? undefined, deps.authSecret);
  if (!session.ok) throw unauthorized(SESSION_FAILURE[session.reason]);
  // Users have uuid ids; anything else cannot be ours, and would make the lookup itself fail.
  if (!z.uuid().safeParse(session.user.id).success) throw unauthorized(SESSION_FAILURE.invalid);
  const check = await checkSession(deps.db, session.user.id, session.user.sessionVersion);
  if (!check.ok) throw unauthorized(SESSION_ENDED[check.reason]);
  return check.user;
}
