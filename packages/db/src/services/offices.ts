import { canSeeOfficeMembers, RULES } from "@switchboard/auth";
import { uuidSchema, type OfficeView } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { ServiceDeps } from "./extensions";
import { badRequest, enforce, notFound, translatePrismaError } from "./errors";
import type { ActingViewer } from "./viewer";

export { officeIdsOf } from "./tickets-access";

export type OfficeCreateInput = { name: string };
export type OfficeMembersInput = { userIds: string[] };

const UNIQUE = { name: ["name", "an office with this name already exists"] } satisfies Record<string, [string, string]>;

type OfficeRow = { id: string; name: string; members: { userId: string }[] };

function toOfficeView(row: OfficeRow, withMembers: boolean): OfficeView {
  return { id: row.id, name: row.name, memberIds: withMembers ? row.members.map((m) => m.userId) : [] };
}

/** The organization's offices by name; who belongs to each only for staff (customers pick a department). */
export async function listOffices({ db }: ServiceDeps, viewer: ActingViewer): Promise<OfficeView[]> {
  const rows = await db.office.findMany({
    where: { organizationId: viewer.orgId },
    select: { id: true, name: true, members: { select: { userId: true }, orderBy: { userId: "asc" } } },
    orderBy: { name: "asc" }
  });
  return rows.map((row) => toOfficeView(row, canSeeOfficeMembers(viewer)));
}

export async function createOffice({ db }: ServiceDeps, viewer: ActingViewer, { name }: OfficeCreateInput): Promise<OfficeView> {
  enforce(RULES.manageOffices, viewer);
  const row = await db.office
    .create({ data: { organizationId: viewer.orgId, name }, select: { id: true, name: true, members: { select: { userId: true } } } })
    .catch((e: unknown) => translatePrismaError(e, UNIQUE, "office"));
  return toOfficeView(row, true);
}

/**
 * Replaces an office's members (staff of the organization only). Agents see the new office's
 * tickets on their next request; open consoles pick it up when they reconnect.
 */
export async function setOfficeMembers({ db }: ServiceDeps, viewer: ActingViewer, officeId: string, { userIds }: OfficeMembersInput): Promise<OfficeView> {
  enforce(RULES.manageOffices, viewer);
  return db.$transaction(async (tx) => {
    const t = tx as unknown as DbClient;
    const office = await t.office.findFirst({ where: { id: officeId, organizationId: viewer.orgId }, select: { id: true } });
    if (!office) throw notFound("office");
    const unique = [...new Set(userIds)];
    const staff = await t.user.count({ where: { id: { in: unique }, organizationId: viewer.orgId, role: { in: ["admin", "supervisor", "agent"] } } });
    if (staff !== unique.length)
      throw badRequest("office members must be staff of your organization", { userIds: "every member must be a staff member of your organization" });
    await t.officeMember.deleteMany({ where: { officeId, userId: { notIn: unique } } });
    await t.officeMember.createMany({ data: unique.map((userId) => ({ officeId, userId })), skipDuplicates: true });
    const row = await t.office.findUniqueOrThrow({
      where: { id: officeId },
      select: { id: true, name: true, members: { select: { userId: true }, orderBy: { userId: "asc" } } }
    });
    return toOfficeView(row, true);
  });
}

/** The organization owning an office (undefined when there is none), e.g. for canJoinRoom(viewer, "office", id, orgId). */
export async function findOfficeOrgId(db: DbClient, id: string): Promise<string | undefined> {
  if (!uuidSchema.safeParse(id).success) return undefined;
  const row = await db.office.findUnique({ where: { id }, select: { organizationId: true } });
  return row?.organizationId;
}
