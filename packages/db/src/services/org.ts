import type { UserOption } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { ActingViewer } from "./viewer";

/** Staff of the viewer's organization, for pickers (e.g. assigning an extension). */
export async function listOrgStaff(db: DbClient, viewer: ActingViewer): Promise<UserOption[]> {
  return db.user.findMany({
    where: { organizationId: viewer.orgId, role: { in: ["admin", "supervisor", "agent"] } },
    select: { id: true, name: true, role: true },
    orderBy: { name: "asc" }
  });
}

/** The organization's latest committed event seq: a snapshot read with it lets a console resume exactly. */
export async function currentSeq(db: DbClient, orgId: string): Promise<number> {
  const row = await db.orgSequence.findUnique({ where: { organizationId: orgId } });
  return Number(row?.value ?? 0n);
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
