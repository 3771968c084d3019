import "server-only";
import { headers } from "next/headers";
import { mintRealtimeToken, verifySessionCookie } from "@switchboard/auth";
import { checkSession } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";

const REALTIME_TOKEN_TTL_SECONDS = 120;

export type RealtimeTokenResult = { ok: true; token: string; url: string | null } | { ok: false; reason: "expired" | "invalid" | "missing" };

/**
 * A short-lived token for a realtime node on another origin. It carries the web session's own
 * expiry, so a socket never outlives the session that opened it. The user is re-read: a deleted or
 * deactivated account and a revoked session get no token.
 */
export async function issueRealtimeToken(): Promise<RealtimeTokenResult> {
  const { config, db } = getRuntime();
  const session = await verifySessionCookie((await headers()).get("cookie") ?? undefined, config.authSecret);
  if (!session.ok) return session;
  const check = await checkSession(db, session.user.id, session.user.sessionVersion);
  if (!check.ok) return { ok: false, reason: "invalid" };
  const token = await mintRealtimeToken(check.user, config.authSecret, REALTIME_TOKEN_TTL_SECONDS, session.expiresAt);
  return { ok: true, token, url: config.realtimePublicUrl ?? null };
}
