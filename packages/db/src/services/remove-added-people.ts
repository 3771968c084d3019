import type { DbClient } from "../client/create-client";
import { touchOffices } from "./team-access";

/**
 * Deletes, in the caller's transaction, the people of `emails` that an unfinished import added and
 * nobody has used since: still invited, or a customer account without a password that never signed
 * in. The hooks announce user.deleted with each one's last state (and office.updated for the
 * offices they leave), so open consoles drop them. Returns how many were deleted.
 */
export async function removeAddedPeople(t: DbClient, orgId: string, emails: readonly string[]): Promise<number> {
  if (emails.length === 0) return 0;
  const where = {
    organizationId: orgId,
    email: { in: [...emails] },
    OR: [{ status: "invited" as const }, { status: "active" as const, passwordHash: null, lastSignInAt: null }]
  };
  const members = await t.officeMember.findMany({ where: { user: where }, select: { officeId: true } });
  const { count } = await t.user.deleteMany({ where });
  await touchOffices(t, [...new Set(members.map((m) => m.officeId))].sort());
  return count;
}
