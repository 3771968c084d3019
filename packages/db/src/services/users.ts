import type { z } from "zod";
import { assignableRoles, canChangeRole, canChangeUserStatus, canManageUser, RULES, USER_DENIALS } from "@switchboard/auth";
import { roleSchema, userStatusSchema, type CustomerCreateInput, type Page, type UserUpdateInput, type UserView } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { Prisma, User } from "../generated/prisma/client";
import { withActor } from "../outbox/context";
import { toUserView, userIncludes } from "../views/user-view";
import { badRequest, DomainError, enforce, forbidden, notFound, translatePrismaError } from "./errors";
import type { ServiceDeps } from "./extensions";
import { listQuerySchema, pageWindow } from "./list-query";
import { assertOrgOffices, lockOrganization, lockUser, planMembershipChange, touchOffices } from "./team-access";
import { assertVersion, type VersionedSubject } from "./versioned";
import { actorOf, type ActingViewer } from "./viewer";

export const userListQuerySchema = listQuerySchema(["name", "email", "role", "status", "lastSignInAt", "createdAt"], "name", "name and email").extend({
  role: roleSchema.optional(),
  status: userStatusSchema.optional()
});
export type UserListQuery = z.output<typeof userListQuerySchema>;

const EMAIL_TAKEN = "this email address is already in use";
export const UNIQUE_EMAIL = { email: ["email", EMAIL_TAKEN] } satisfies Record<string, [string, string]>;
const VERSIONED_USER: VersionedSubject = {
  what: "user",
  kind: "user",
  changeTypes: ["user.updated", "user.deactivated", "user.reactivated", "user.joined"]
};

/** The team, searched, filtered by role and state, sorted and paged. Staff only. */
export async function listUsers({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, q: UserListQuery): Promise<Page<UserView>> {
  enforce(RULES.readUsers, viewer);
  const where: Prisma.UserWhereInput = {
    organizationId: viewer.orgId,
    ...(q.role ? { role: q.role } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.q ? { OR: [{ name: { contains: q.q, mode: "insensitive" } }, { email: { contains: q.q, mode: "insensitive" } }] } : {})
  };
  const order: Prisma.UserOrderByWithRelationInput = q.sort === "lastSignInAt" ? { lastSignInAt: { sort: q.dir, nulls: "last" } } : { [q.sort]: q.dir };
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, include: userIncludes, orderBy: [order, { name: "asc" }, { id: "asc" }], ...pageWindow(q) }),
    db.user.count({ where })
  ]);
  return { data: rows.map(toUserView), page: q.page, pageSize: q.pageSize, total };
}

/** One user of the organization: staff see anyone, everyone sees themselves. */
export async function getUser({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, id: string): Promise<UserView> {
  if (id !== viewer.id) enforce(RULES.readUsers, viewer);
  const row = await db.user.findFirst({ where: { id, organizationId: viewer.orgId }, include: userIncludes });
  if (!row) throw notFound("user");
  return toUserView(row);
}

/** A customer account without sign-in (staff open tickets for it; an invitation gives it one later). */
export async function createCustomer({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, input: CustomerCreateInput): Promise<UserView> {
  enforce(RULES.createCustomers, viewer);
  const row = await withActor(actorOf(viewer), () =>
    db.user
      .create({
        data: { organizationId: viewer.orgId, name: input.name, email: input.email, role: "customer", status: "active", passwordHash: null },
        include: userIncludes
      })
      .catch((e: unknown) => translatePrismaError(e, UNIQUE_EMAIL, "user"))
  );
  return toUserView(row);
}

/** Refuses a change that would leave the organization without an active admin. */
async function assertAdminRemains(tx: DbClient, orgId: string, target: User, next: { role: User["role"]; status: User["status"] }, field: string) {
  const losesAdmin = target.role === "admin" && target.status === "active" && (next.role !== "admin" || next.status !== "active");
  if (!losesAdmin) return;
  const others = await tx.user.count({ where: { organizationId: orgId, role: "admin", status: "active", id: { not: target.id } } });
  if (others === 0) throw new DomainError("conflict", USER_DENIALS.lastAdmin, { [field]: USER_DENIALS.lastAdmin });
}

/** What a change to `target` may do, field by field; throws the first refusal. */
function checkChange(viewer: ActingViewer, target: User, input: UserUpdateInput): void {
  const facts = { id: target.id, orgId: target.organizationId, role: target.role };
  if (!canManageUser(viewer, facts)) throw forbidden(USER_DENIALS.manage);
  if (input.role !== undefined && input.role !== target.role) {
    if (target.id === viewer.id) throw new DomainError("forbidden", USER_DENIALS.ownRole, { role: USER_DENIALS.ownRole });
    if (!canChangeRole(viewer, facts, input.role)) {
      const message = USER_DENIALS.role(assignableRoles(viewer));
      throw new DomainError("forbidden", message, { role: message });
    }
  }
  if (input.status !== undefined && input.status !== target.status) {
    if (!canChangeUserStatus(viewer, facts)) throw new DomainError("forbidden", USER_DENIALS.ownStatus, { status: USER_DENIALS.ownStatus });
    if (target.status === "invited" && input.status === "active")
      throw badRequest("an invited user becomes active by accepting the invitation", { status: "an invited user becomes active by accepting the invitation" });
  }
}

/**
 * Changes a user's name, role, offices or state. Deactivating ends every session and revokes the
 * user's API tokens and pending links (their history stays); demoting to customer drops their
 * offices. The organization keeps at least one active admin; nobody changes their own role.
 * Every change is one transaction announced as the user's event, which realtime nodes apply to
 * the user's open sockets before any later event.
 */
export async function updateUser({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, id: string, input: UserUpdateInput): Promise<UserView> {
  enforce(RULES.manageUsers, viewer);
  return withActor(actorOf(viewer), () =>
    db.$transaction(async (tx) => {
      const t = tx as unknown as DbClient;
      await lockOrganization(t, viewer.orgId);
      const target = await lockUser(t, viewer.orgId, id);
      checkChange(viewer, target, input);
      await assertVersion(t, VERSIONED_USER, target, target.name, input.version);
      const role = input.role ?? target.role;
      const status = input.status ?? target.status;
      await assertAdminRemains(t, viewer.orgId, target, { role, status }, input.role !== undefined && input.role !== target.role ? "role" : "status");

      let offices = input.officeIds;
      if (role === "customer") {
        if (offices?.length) throw badRequest(USER_DENIALS.customerOffices, { officeIds: USER_DENIALS.customerOffices });
        if (target.role !== "customer") offices = [];
      }
      const memberships = offices === undefined ? null : await planMembershipChange(t, target.id, await assertOrgOffices(t, viewer.orgId, offices));

      const deactivating = status === "deactivated" && target.status !== "deactivated";
      if (deactivating) {
        await t.apiToken.deleteMany({ where: { userId: target.id } });
        await t.userToken.deleteMany({ where: { userId: target.id, usedAt: null } });
      }
      const row = await t.user.update({
        where: { id: target.id },
        data: {
          ...(input.name !== undefined ? { name: input.name } : {}),
          role,
          status,
          version: { increment: 1 },
          ...(deactivating ? { sessionVersion: { increment: 1 } } : {}),
          ...(memberships ? { officeMemberships: memberships.write } : {})
        },
        include: userIncludes
      });
      if (memberships) await touchOffices(t, memberships.changed);
      return toUserView(row);
    })
  );
}
