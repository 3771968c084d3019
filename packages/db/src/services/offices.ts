import { canSeeOfficeMembers, RULES } from "@switchboard/auth";
import { type OfficeCreateInput, type OfficeMembersInput, type OfficeRecord, type OfficeUpdateInput, type OfficeView } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { withActor } from "../outbox/context";
import { officeIncludes, toOfficeRecord } from "../views/office-view";
import type { ServiceDeps } from "./extensions";
import { badRequest, conflict, enforce, notFound, translatePrismaError } from "./errors";
import { touchUsers } from "./team-access";
import { assertVersion, type VersionedSubject } from "./versioned";
import { actorOf, type ActingViewer } from "./viewer";

export { officeIdsOf } from "./tickets-access";

const UNIQUE = { name: ["name", "an office with this name already exists"] } satisfies Record<string, [string, string]>;
const VERSIONED_OFFICE: VersionedSubject = { what: "office", kind: "office", changeTypes: ["office.updated", "office.deleted"] };

/** An office as the viewer may see it: its members only for staff. */
function forViewer(viewer: ActingViewer, record: OfficeRecord): OfficeRecord {
  return canSeeOfficeMembers(viewer) ? record : { ...record, memberIds: [] };
}

/** The organization's offices by name; who belongs to each only for staff (customers pick a department). */
export async function listOffices({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer): Promise<OfficeView[]> {
  const rows = await db.office.findMany({ where: { organizationId: viewer.orgId }, include: officeIncludes, orderBy: { name: "asc" } });
  return rows.map((row) => {
    const { id, name, memberIds } = forViewer(viewer, toOfficeRecord(row));
    return { id, name, memberIds };
  });
}

/** The offices page and REST: every office with its version and how many tickets it holds. */
export async function listOfficeRecords({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer): Promise<(OfficeRecord & { ticketCount: number })[]> {
  const rows = await db.office.findMany({
    where: { organizationId: viewer.orgId },
    include: { ...officeIncludes, _count: { select: { tickets: true } } },
    orderBy: { name: "asc" }
  });
  return rows.map((row) => ({ ...forViewer(viewer, toOfficeRecord(row)), ticketCount: row._count.tickets }));
}

export async function getOffice({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, id: string): Promise<OfficeRecord> {
  const row = await db.office.findFirst({ where: { id, organizationId: viewer.orgId }, include: officeIncludes });
  if (!row) throw notFound("office");
  return forViewer(viewer, toOfficeRecord(row));
}

export async function createOffice({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, { name }: OfficeCreateInput): Promise<OfficeRecord> {
  enforce(RULES.manageOffices, viewer);
  const row = await withActor(actorOf(viewer), () =>
    db.office.create({ data: { organizationId: viewer.orgId, name }, include: officeIncludes }).catch((e: unknown) => translatePrismaError(e, UNIQUE, "office"))
  );
  return toOfficeRecord(row);
}

async function lockOffice(tx: DbClient, viewer: ActingViewer, id: string) {
  await tx.$queryRaw`SELECT 1 FROM offices WHERE id = ${id}::uuid AND organization_id = ${viewer.orgId}::uuid FOR UPDATE`;
  const office = await tx.office.findFirst({ where: { id, organizationId: viewer.orgId } });
  if (!office) throw notFound("office");
  return office;
}

export async function renameOffice({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, id: string, input: OfficeUpdateInput): Promise<OfficeRecord> {
  enforce(RULES.manageOffices, viewer);
  return withActor(actorOf(viewer), () =>
    db.$transaction(async (tx) => {
      const t = tx as unknown as DbClient;
      const office = await lockOffice(t, viewer, id);
      await assertVersion(t, VERSIONED_OFFICE, office, office.name, input.version);
      const row = await t.office
        .update({ where: { id }, data: { name: input.name, version: { increment: 1 } }, include: officeIncludes })
        .catch((e: unknown) => translatePrismaError(e, UNIQUE, "office"));
      return toOfficeRecord(row);
    })
  );
}

/**
 * Deletes an office nothing refers to. While tickets or members still belong to it the answer is a
 * conflict that says how many of each, so the admin knows what to move first.
 */
export async function deleteOffice({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, id: string): Promise<{ id: string }> {
  enforce(RULES.manageOffices, viewer);
  return withActor(actorOf(viewer), () =>
    db.$transaction(async (tx) => {
      const t = tx as unknown as DbClient;
      const office = await lockOffice(t, viewer, id);
      const [tickets, members] = await Promise.all([t.ticket.count({ where: { officeId: id } }), t.officeMember.count({ where: { officeId: id } })]);
      if (tickets || members) {
        const what = [tickets ? `${tickets} ticket${tickets === 1 ? "" : "s"}` : "", members ? `${members} member${members === 1 ? "" : "s"}` : ""].filter(
          Boolean
        );
        const then = tickets ? "move them to another office first" : "remove them from it first";
        throw conflict("office", `${office.name} still has ${what.join(" and ")}; ${then}`);
      }
      await t.office.delete({ where: { id } });
      return { id };
    })
  );
}

/** Deactivated staff keep the offices they had, but join none: a new member must be able to work its tickets. */
async function assertNoneDeactivated(db: DbClient, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const inactive = await db.user.findMany({ where: { id: { in: userIds }, status: "deactivated" }, select: { name: true }, orderBy: { name: "asc" } });
  if (inactive.length === 0) return;
  const names = inactive.map((u) => u.name).join(", ");
  const message = `${names} ${inactive.length === 1 ? "is" : "are"} deactivated and cannot join an office`;
  throw badRequest(message, { userIds: message });
}

/**
 * Replaces an office's members (staff of the organization only). The members who joined or left
 * are announced too, so their open consoles start or stop receiving the office's tickets at once.
 */
export async function setOfficeMembers(
  { db }: Pick<ServiceDeps, "db">,
  viewer: ActingViewer,
  officeId: string,
  { userIds, version }: OfficeMembersInput
): Promise<OfficeRecord> {
  enforce(RULES.manageOffices, viewer);
  return withActor(actorOf(viewer), () =>
    db.$transaction(async (tx) => {
      const t = tx as unknown as DbClient;
      const office = await lockOffice(t, viewer, officeId);
      await assertVersion(t, VERSIONED_OFFICE, office, office.name, version);
      const unique = [...new Set(userIds)];
      const staff = await t.user.count({ where: { id: { in: unique }, organizationId: viewer.orgId, role: { in: ["admin", "supervisor", "agent"] } } });
      if (staff !== unique.length)
        throw badRequest("office members must be staff of your organization", { userIds: "every member must be a staff member of your organization" });
      const before = (await t.officeMember.findMany({ where: { officeId }, select: { userId: true } })).map((m) => m.userId);
      const leaving = before.filter((id) => !unique.includes(id));
      const joining = unique.filter((id) => !before.includes(id));
      await assertNoneDeactivated(t, joining);
      // Written in the office's own update, so its event's `changes` name the members.
      const members = {
        ...(leaving.length ? { deleteMany: { userId: { in: leaving } } } : {}),
        ...(joining.length ? { createMany: { data: joining.map((userId) => ({ userId })), skipDuplicates: true } } : {})
      };
      const row = await t.office.update({ where: { id: officeId }, data: { version: { increment: 1 }, members }, include: officeIncludes });
      await touchUsers(t, [...leaving, ...joining]);
      return toOfficeRecord(row);
    })
  );
}
