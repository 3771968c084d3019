import { createHash, randomBytes } from "node:crypto";
import { canInviteAs, canSendSignInLink, hashPassword, RULES, USER_DENIALS, assignableRoles } from "@switchboard/auth";
import { passwordProblem, type InvitationCreateInput, type InvitationView, type LinkRedeemInput, type UserView } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { UserTokenPurpose } from "../generated/prisma/client";
import { withActor } from "../outbox/context";
import { toUserView, userIncludes } from "../views/user-view";
import { badRequest, DomainError, enforce, forbidden, notFound, translatePrismaError } from "./errors";
import type { ServiceDeps } from "./extensions";
import { assertOrgOffices, lockUser, touchOffices } from "./team-access";
import { UNIQUE_EMAIL } from "./users";
import { actorOf, type ActingViewer } from "./viewer";

/** How long a link works. An invitation waits for someone to find the mail; a reset is for now. */
const LINK_LIFETIMES_MS: Record<UserTokenPurpose, number> = {
  invitation: 7 * 24 * 3600_000,
  password_reset: 24 * 3600_000
};

/** A link's secret as issued: shown (or mailed) once; only its hash is stored. */
export interface IssuedToken {
  purpose: UserTokenPurpose;
  token: string;
  expiresAt: Date;
  email: string;
  name: string;
}

function hashLinkToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Replaces the user's unused links with a new one. */
export async function issueTokenFor(
  tx: DbClient,
  viewer: Pick<ActingViewer, "id"> | null,
  user: { id: string; organizationId: string; email: string; name: string },
  purpose: UserTokenPurpose
): Promise<IssuedToken> {
  await tx.userToken.deleteMany({ where: { userId: user.id, usedAt: null } });
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + LINK_LIFETIMES_MS[purpose]);
  await tx.userToken.create({
    data: { organizationId: user.organizationId, userId: user.id, purpose, tokenHash: hashLinkToken(token), expiresAt, createdById: viewer?.id ?? null }
  });
  return { purpose, token, expiresAt, email: user.email, name: user.name };
}

/**
 * Invites someone: a user in the "invited" state with the role and offices given, and a one-time
 * link with which they set their own password. Admins invite any role, supervisors agents and
 * customers, agents customers.
 */
export async function inviteUser(
  { db }: Pick<ServiceDeps, "db">,
  viewer: ActingViewer,
  input: InvitationCreateInput
): Promise<{ user: UserView; link: IssuedToken }> {
  enforce(RULES.readUsers, viewer);
  if (!canInviteAs(viewer, input.role)) {
    const message = USER_DENIALS.role(assignableRoles(viewer));
    throw new DomainError("forbidden", message, { role: message });
  }
  if (input.role === "customer" && input.officeIds.length) throw badRequest(USER_DENIALS.customerOffices, { officeIds: USER_DENIALS.customerOffices });
  return withActor(actorOf(viewer), () =>
    db.$transaction(async (tx) => {
      const { user, link } = await addPerson(tx as unknown as DbClient, viewer, viewer.orgId, input, "invite");
      return { user, link };
    })
  );
}

/**
 * Adds one person in the caller's transaction (the hooks announce user.created, and office.updated
 * for each office joined): invited with a one-time link, or — a customer account staff keep without
 * sign-in — active without a password and without a link. The caller checks who may give the role.
 */
export async function addPerson<Mode extends "invite" | "no_sign_in">(
  t: DbClient,
  issuer: Pick<ActingViewer, "id"> | null,
  orgId: string,
  input: Pick<InvitationCreateInput, "name" | "email" | "role" | "officeIds">,
  mode: Mode
): Promise<{ user: UserView; link: Mode extends "invite" ? IssuedToken : null }> {
  const officeIds = await assertOrgOffices(t, orgId, input.officeIds);
  const row = await t.user
    .create({
      data: {
        organizationId: orgId,
        name: input.name,
        email: input.email,
        role: input.role,
        status: mode === "invite" ? "invited" : "active",
        passwordHash: null,
        officeMemberships: { create: officeIds.map((officeId) => ({ officeId })) }
      },
      include: userIncludes
    })
    .catch((e: unknown) => translatePrismaError(e, UNIQUE_EMAIL, "user"));
  await touchOffices(t, officeIds);
  const link = mode === "invite" ? await issueTokenFor(t, issuer, row, "invitation") : null;
  return { user: toUserView(row), link: link as Mode extends "invite" ? IssuedToken : null };
}

/**
 * A new sign-in link for a user: a fresh invitation for someone who never set a password (invited,
 * or a customer account staff created), else a password reset, which ends every session of the
 * user and the old password at once (the link is the way back in).
 */
export async function issueSignInLink({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, userId: string): Promise<IssuedToken> {
  enforce(RULES.readUsers, viewer);
  return withActor(actorOf(viewer), () =>
    db.$transaction(async (tx) => {
      const t = tx as unknown as DbClient;
      const user = await lockUser(t, viewer.orgId, userId);
      if (!canSendSignInLink(viewer, { id: user.id, orgId: user.organizationId, role: user.role })) throw forbidden(USER_DENIALS.manage);
      if (user.status === "deactivated")
        throw badRequest("this user is deactivated; reactivate them first", { status: "this user is deactivated; reactivate them first" });
      const neverSignedUp = user.status === "invited" || (user.passwordHash === null && user.lastSignInAt === null);
      if (!neverSignedUp) {
        await t.user.update({ where: { id: user.id }, data: { passwordHash: null, sessionVersion: { increment: 1 } } });
      }
      return issueTokenFor(t, viewer, user, neverSignedUp ? "invitation" : "password_reset");
    })
  );
}

/** Pending invitations of the organization (never their links), newest first. */
export async function listInvitations({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer): Promise<InvitationView[]> {
  enforce(RULES.readUsers, viewer);
  const rows = await db.userToken.findMany({
    where: { organizationId: viewer.orgId, purpose: "invitation", usedAt: null },
    include: { user: { select: { name: true, email: true, role: true } }, createdBy: { select: { name: true } } },
    orderBy: { createdAt: "desc" }
  });
  const now = Date.now();
  return rows.map((row) => ({
    id: row.id,
    userId: row.userId,
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    invitedBy: row.createdBy?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    expired: row.expiresAt.getTime() <= now
  }));
}

/** Withdraws a pending invitation: its link stops working (the invited user stays, for a new one later). */
export async function revokeInvitation({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, id: string): Promise<void> {
  enforce(RULES.readUsers, viewer);
  const row = await db.userToken.findFirst({
    where: { id, organizationId: viewer.orgId, purpose: "invitation", usedAt: null },
    include: { user: { select: { id: true, organizationId: true, role: true } } }
  });
  if (!row) throw notFound("invitation");
  if (!canSendSignInLink(viewer, { id: row.user.id, orgId: row.user.organizationId, role: row.user.role })) throw forbidden(USER_DENIALS.manage);
  await db.userToken.deleteMany({ where: { id: row.id, usedAt: null } });
}

export type LinkState = "valid" | "expired" | "used" | "unknown";

/** What a link page shows before anything is submitted. */
export interface LinkInfo {
  state: LinkState;
  purpose: UserTokenPurpose | null;
  email: string | null;
  name: string | null;
  organizationName: string | null;
}

/** Looks a link up without using it (the invitation and reset pages show who it is for, or why it is dead). */
export async function describeLink(db: DbClient, token: string): Promise<LinkInfo> {
  const row = await db.userToken.findUnique({
    where: { tokenHash: hashLinkToken(token) },
    include: { user: { select: { email: true, name: true, status: true } }, organization: { select: { name: true } } }
  });
  if (!row || row.user.status === "deactivated") return { state: "unknown", purpose: null, email: null, name: null, organizationName: null };
  const state: LinkState = row.usedAt ? "used" : row.expiresAt.getTime() <= Date.now() ? "expired" : "valid";
  return { state, purpose: row.purpose, email: row.user.email, name: row.user.name, organizationName: row.organization.name };
}

export const LINK_REFUSALS: Record<Exclude<LinkState, "valid">, string> = {
  unknown: "This link is not valid. Ask whoever sent it for a new one.",
  expired: "This link has expired. Ask whoever sent it for a new one.",
  used: "This link was already used. Sign in, or ask for a new link if you forgot your password."
};

/**
 * Uses a link: sets the password (checked against the strength rules first, so nothing is written
 * for a weak one), activates an invited user, ends every other session, and spends the link. The
 * token row is locked, so the same link used twice at once succeeds once.
 */
export async function redeemLink(db: DbClient, input: LinkRedeemInput): Promise<{ email: string; purpose: UserTokenPurpose }> {
  return db.$transaction(async (tx) => {
    const t = tx as unknown as DbClient;
    const hash = hashLinkToken(input.token);
    await t.$queryRaw`SELECT 1 FROM user_tokens WHERE token_hash = ${hash} FOR UPDATE`;
    const row = await t.userToken.findUnique({ where: { tokenHash: hash }, include: { user: true } });
    const state: LinkState =
      !row || row.user.status === "deactivated" ? "unknown" : row.usedAt ? "used" : row.expiresAt.getTime() <= Date.now() ? "expired" : "valid";
    if (!row || state !== "valid") throw new DomainError(state === "unknown" ? "not_found" : "conflict", LINK_REFUSALS[state as Exclude<LinkState, "valid">]);
    const name = row.purpose === "invitation" && input.name ? input.name : row.user.name;
    const weak = passwordProblem(input.password, { email: row.user.email, name });
    if (weak) throw badRequest(weak, { password: weak });
    const passwordHash = await hashPassword(input.password);
    await withActor({ id: row.user.id, name }, () =>
      t.user.update({
        where: { id: row.user.id },
        data: { passwordHash, name, status: "active", sessionVersion: { increment: 1 }, ...(name !== row.user.name ? { version: { increment: 1 } } : {}) }
      })
    );
    await t.userToken.update({ where: { id: row.id }, data: { usedAt: new Date() } });
    await t.userToken.deleteMany({ where: { userId: row.userId, usedAt: null } });
    return { email: row.user.email, purpose: row.purpose };
  });
}
