import { canManageUser, hashPassword, USER_DENIALS, verifyPassword } from "@switchboard/auth";
import { passwordProblem, type PasswordChangeInput, type ProfileUpdateInput, type UserView } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { withActor } from "../outbox/context";
import { toUserView, userIncludes } from "../views/user-view";
import { badRequest, forbidden, notFound } from "./errors";
import type { ServiceDeps } from "./extensions";
import { SignInThrottled } from "./sign-in";
import { clearAttempts, LOGIN_LIMITS, reserveAttempt, type ThrottleKey } from "./sign-in/throttle";
import { actorOf, type ActingViewer } from "./viewer";

/** Everyone's own account: their name, their password, their sessions. */

export async function updateProfile({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, input: ProfileUpdateInput): Promise<UserView> {
  const row = await withActor(actorOf(viewer), () =>
    db.user.update({ where: { id: viewer.id, organizationId: viewer.orgId }, data: { name: input.name, version: { increment: 1 } }, include: userIncludes })
  );
  return toUserView(row);
}

const WRONG_PASSWORD = "current password is not correct";

/**
 * Changes the viewer's password: the current one is required (and its guesses are throttled like
 * sign-ins, so a borrowed session cannot try passwords), the new one must pass the strength rules.
 * Every session of the user ends; the caller re-issues its own with the returned session version.
 */
export async function changePassword({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, input: PasswordChangeInput): Promise<{ sessionVersion: number }> {
  const user = await db.user.findFirst({ where: { id: viewer.id, organizationId: viewer.orgId } });
  if (!user) throw notFound("user");
  const weak = passwordProblem(input.newPassword, { email: user.email, name: user.name });
  if (weak) throw badRequest(weak, { newPassword: weak });
  const key: ThrottleKey = { key: `password:${user.id}`, free: LOGIN_LIMITS.perAccount, maxDelayMs: LOGIN_LIMITS.accountMaxDelayMs };
  const reserved = await reserveAttempt(db, key, LOGIN_LIMITS);
  if (!reserved.ok) throw new SignInThrottled(Math.ceil(reserved.retryAfterMs / 1000));
  if (!user.passwordHash || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw badRequest(WRONG_PASSWORD, { currentPassword: WRONG_PASSWORD });
  }
  await clearAttempts(db, key.key);
  const passwordHash = await hashPassword(input.newPassword);
  const row = await withActor(actorOf(viewer), () =>
    db.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } })
  );
  return { sessionVersion: row.sessionVersion };
}

/** Ends every session of the viewer, this one included: every open console of theirs disconnects. */
export async function signOutEverywhere(db: DbClient, viewer: ActingViewer): Promise<void> {
  await withActor(actorOf(viewer), () =>
    db.user.update({ where: { id: viewer.id, organizationId: viewer.orgId }, data: { sessionVersion: { increment: 1 } } })
  );
}

/**
 * Ends every session of a user: one's own ("sign out everywhere"), or, for admins and supervisors,
 * someone they manage (a lost laptop). Their open consoles disconnect; API tokens are untouched.
 */
export async function endSessions(db: DbClient, viewer: ActingViewer, userId: string): Promise<void> {
  if (userId === viewer.id) return signOutEverywhere(db, viewer);
  const target = await db.user.findFirst({ where: { id: userId, organizationId: viewer.orgId }, select: { id: true, role: true } });
  if (!target) throw notFound("user");
  if (!canManageUser(viewer, { id: target.id, orgId: viewer.orgId, role: target.role })) throw forbidden(USER_DENIALS.manage);
  await withActor(actorOf(viewer), () => db.user.update({ where: { id: target.id }, data: { sessionVersion: { increment: 1 } } }));
}
