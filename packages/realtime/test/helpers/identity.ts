import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { mintRealtimeToken, type SessionUser } from "@switchboard/auth";
import type { Role } from "@switchboard/contracts";
import { type DbClient } from "@switchboard/db";
import { createOrganization, createUser } from "@switchboard/db/seed";

/** A node started in a child process (see node-process.ts) gets the same secret through its environment. */
export const AUTH_SECRET = process.env.SB_TEST_AUTH_SECRET ?? `realtime-test-secret-${randomBytes(16).toString("hex")}`;

/** Who a session is for; the session version defaults to a new user's (1). */
export type SessionFor = Omit<SessionUser, "sessionVersion"> & { sessionVersion?: number };

export async function createSessionUser(db: DbClient, orgId: string, role: Role, name?: string): Promise<SessionUser> {
  const user = await createUser(db, orgId, { role, name, passwordHash: "unused-in-realtime-tests" });
  return { id: user.id, orgId: user.organizationId, role: user.role, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}

/** An organization with one user per role. */
export async function createOrgWithStaff(db: DbClient) {
  const org = await createOrganization(db);
  const [admin, supervisor, agent, customer] = await Promise.all(
    (["admin", "supervisor", "agent", "customer"] as const).map((role) => createSessionUser(db, org.id, role))
  );
  if (!admin || !supervisor || !agent || !customer) throw new Error("seed failed");
  return { orgId: org.id, admin, supervisor, agent, customer };
}

/** A next-auth v4 session cookie as the web app sets it (same claims as its JWT callback). */
export async function sessionCookie(user: SessionFor, secret = AUTH_SECRET, maxAgeSeconds = 3600): Promise<string> {
  const token = await encode({
    token: { sub: user.id, orgId: user.orgId, role: user.role, name: user.name, email: user.email, sv: user.sessionVersion ?? 1 },
    secret,
    maxAge: maxAgeSeconds
  });
  return `next-auth.session-token=${token}`;
}

export function realtimeToken(user: SessionFor, options: { secret?: string; ttlSeconds?: number; sessionExpiresAt?: number } = {}): Promise<string> {
  return mintRealtimeToken(
    { ...user, sessionVersion: user.sessionVersion ?? 1 },
    options.secret ?? AUTH_SECRET,
    options.ttlSeconds ?? 300,
    options.sessionExpiresAt
  );
}
