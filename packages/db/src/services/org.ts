import type { UserOption } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { ActingViewer } from "./viewer";

/** Staff of the viewer's organization with the deactivated flagged: pickers offer only the others (`pickableStaff`), filters everyone. */
export async function listOrgStaff(db: DbClient, viewer: ActingViewer): Promise<UserOption[]> {
  const rows = await db.user.findMany({
    where: { organizationId: viewer.orgId, role: { in: ["admin", "supervisor", "agent"] } },
    select: { id: true, name: true, role: true, status: true },
    orderBy: { name: "asc" }
  });
  return rows.map(({ status, ...user }) => ({ ...user, deactivated: status === "deactivated" }));
}

/** The organization's latest committed event seq: a snapshot read with it lets a console resume exactly. */
export async function currentSeq(db: DbClient, orgId: string): Promise<number> {
  const row = await db.orgSequence.findUnique({ where: { organizationId: orgId } });
  return Number(row?.value ?? 0n);
}

/**
 * The highest seq the relay has published for the organization: the event log must hold every
 * event up to it. The relay publishes each organization's lowest unpublished seqs first and seq
 * follows commit order, so the published rows are a prefix: everything below the first pending row,
 * or up to the committed counter when nothing is pending (one statement, one snapshot).
 */
export async function publishedSeq(db: DbClient, orgId: string): Promise<number> {
  const rows = await db.$queryRaw<{ seq: bigint | number }[]>`
    SELECT COALESCE(
      (SELECT min(seq) - 1 FROM outbox_events WHERE organization_id = ${orgId}::uuid AND published_at IS NULL),
      (SELECT value FROM org_sequences WHERE organization_id = ${orgId}::uuid),
      0
    ) AS seq`;
  return Number(rows[0]?.seq ?? 0);
}

export async function countDashboard(db: DbClient, viewer: ActingViewer) {
  const org = { organizationId: viewer.orgId };
  const [extensions, enabledExtensions, trunks, enabledTrunks, users] = await Promise.all([
    db.extension.count({ where: org }),
    db.extension.count({ where: { ...org, enabled: true } }),
    db.trunk.count({ where: org }),
    db.trunk.count({ where: { ...org, enabled: true } }),
    db.user.count({ where: { ...org, status: "active" } })
  ]);
  return { extensions, enabledExtensions, trunks, enabledTrunks, users };
}

/** The number of the viewer's own extension (the lowest, when they have several), for figures scoped to them; null when none. */
export async function findOwnExtensionNumber(db: DbClient, viewer: ActingViewer): Promise<string | null> {
  const row = await db.extension.findFirst({
    where: { organizationId: viewer.orgId, userId: viewer.id },
    select: { number: true },
    orderBy: { number: "asc" }
  });
  return row?.number ?? null;
}
