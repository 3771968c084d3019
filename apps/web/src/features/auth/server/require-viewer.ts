import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import type { Role } from "@switchboard/contracts";
import { checkSession, type SessionCheck } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";
import { getAuthOptions } from "./auth-options";
import { loginPath, PATH_HEADER } from "../login-path";

export interface Viewer {
  id: string;
  orgId: string;
  role: Role;
  name: string;
  email: string;
  sessionVersion: number;
}

type SessionRead = { viewer: Viewer } | { ended: Exclude<SessionCheck, { ok: true }>["reason"] } | null;

/**
 * The signed-in user as the database knows them now, or why their session no longer counts (the
 * account is gone or deactivated, or the session was revoked: its version is behind the user's).
 * Cached per request: layouts, pages and server actions share one lookup.
 */
const readSession = cache(async (): Promise<SessionRead> => {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user.id) return null;
  const check = await checkSession(getRuntime().db, session.user.id, session.user.sessionVersion);
  return check.ok ? { viewer: check.user } : { ended: check.reason };
});

/** The signed-in user, or null (a missing, deleted, deactivated or revoked session alike). */
export async function findViewer(): Promise<Viewer | null> {
  const read = await readSession();
  return read && "viewer" in read ? read.viewer : null;
}

/** Why the login page is shown instead: the code it explains (see sign-in-error.ts). */
const ENDED_CODES = { missing: "SessionRequired", deactivated: "AccountDeactivated", revoked: "SignedOut" } as const;

/** The signed-in user, or a redirect to /login that says why and brings them back here afterwards. */
export async function requireViewer(): Promise<Viewer> {
  const read = await readSession();
  if (read && "viewer" in read) return read.viewer;
  const here = (await headers()).get(PATH_HEADER);
  const path = loginPath(here);
  redirect(read ? `${path}${path.includes("?") ? "&" : "?"}error=${ENDED_CODES[read.ended]}` : path);
}
