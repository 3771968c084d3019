import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import type { Role } from "@switchboard/contracts";
import { findSessionUser } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";
import { getAuthOptions } from "./auth-options";
import { loginPath, PATH_HEADER } from "../login-path";

export interface Viewer {
  id: string;
  orgId: string;
  role: Role;
  name: string;
  email: string;
}

/**
 * The signed-in user as the database knows them now (a deleted account is signed out, a changed
 * role applies at once), or null. Cached per request: layouts and pages share one lookup.
 */
export const findViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(getAuthOptions());
  if (!session?.user.id) return null;
  return findSessionUser(getRuntime().db, session.user.id);
});

/** The signed-in user, or a redirect to /login that brings them back here afterwards. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await findViewer();
  if (viewer) return viewer;
  const here = (await headers()).get(PATH_HEADER);
  redirect(loginPath(here));
}
