import type { DbClient } from "../client/create-client";
import type { Prisma } from "../generated/prisma/client";
import { notFound } from "./errors";

/**
 * Writes shared by the team services. A change of someone's offices is announced through the
 * user's own row (user.updated carries their offices) and each office's (office.updated carries its
 * members): the row being edited writes the memberships in its own update (its event's `changes`
 * then name them), and the rows on the other side are "touched" after it, in the same transaction.
 */

/** The user row, locked for this transaction, if it belongs to the organization. */
export async function lockUser(tx: DbClient, orgId: string, id: string) {
  await tx.$queryRaw`SELECT 1 FROM users WHERE id = ${id}::uuid AND organization_id = ${orgId}::uuid FOR UPDATE`;
  const row = await tx.user.findFirst({ where: { id, organizationId: orgId } });
  if (!row) throw notFound("user");
  return row;
}

/**
 * Serializes the organization's changes of roles and states, so two admins demoting each other at
 * once cannot both pass the last-admin check.
 */
export async function lockOrganization(tx: DbClient, orgId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM organizations WHERE id = ${orgId}::uuid FOR UPDATE`;
}

/** Every id names an office of the organization; otherwise `office not found` (another org's office included). */
export async function assertOrgOffices(tx: DbClient, orgId: string, officeIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(officeIds)];
  if (unique.length === 0) return unique;
  const found = await tx.office.count({ where: { id: { in: unique }, organizationId: orgId } });
  if (found !== unique.length) throw notFound("office");
  return unique;
}

/**
 * What makes `officeIds` the user's offices: the nested write for the user's own update (so its
 * event's `changes` names the offices) and the offices whose members change.
 */
export async function planMembershipChange(tx: DbClient, userId: string, officeIds: readonly string[]) {
  const current = (await tx.officeMember.findMany({ where: { userId }, select: { officeId: true } })).map((m) => m.officeId);
  const removed = current.filter((id) => !officeIds.includes(id));
  const added = officeIds.filter((id) => !current.includes(id));
  const write: Prisma.OfficeMemberUpdateManyWithoutUserNestedInput = {
    ...(removed.length ? { deleteMany: { officeId: { in: removed } } } : {}),
    ...(added.length ? { createMany: { data: added.map((officeId) => ({ officeId })), skipDuplicates: true } } : {})
  };
  return { write, changed: [...removed, ...added] };
}

// One update per row: their events carry to-many relations (members, offices), which Prisma's
// updateManyAndReturn cannot load.

/** Announces offices whose members changed (office.updated with the new list). */
export async function touchOffices(tx: DbClient, officeIds: readonly string[]): Promise<void> {
  for (const id of officeIds) await tx.office.update({ where: { id }, data: { version: { increment: 1 } }, select: { id: true } });
}

/** Announces users whose offices changed (user.updated with their new offices). */
export async function touchUsers(tx: DbClient, userIds: readonly string[]): Promise<void> {
  for (const id of userIds) await tx.user.update({ where: { id }, data: { version: { increment: 1 } }, select: { id: true } });
}
