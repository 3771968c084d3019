import { RULES } from "@switchboard/auth";
import { startOfOrgDay, type ExtensionStatusView, type TrunkStatusView } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { toExtensionStatusView, toTrunkStatusView } from "../views/pbx-status-view";
import { enforce } from "./errors";
import { organizationTimeZone } from "./organizations";
import type { ActingViewer } from "./viewer";

interface TrunkUsage {
  trunkId: string;
  name: string;
  maxChannels: number;
  /** Live calls through this trunk right now (one channel each). */
  inUse: number;
}

export interface CallFigures {
  activeCalls: number;
  /** Since `since` (the start of the organization's current day unless the caller says otherwise). */
  callsToday: number;
  /** Answered so far, whether still talking or ended. */
  answeredToday: number;
  /** Calls since `since` that ended with result "missed" (busy and failed are counted apart by the filters). */
  missedToday: number;
  trunks: TrunkUsage[];
}

/** The dashboard's phone figures for the viewer's organization; "today" is the organization's day (its time zone). */
export async function countCallFigures({ db }: { db: DbClient }, viewer: ActingViewer, since?: Date): Promise<CallFigures> {
  enforce(RULES.readCalls, viewer);
  since ??= startOfOrgDay(new Date(), await organizationTimeZone(db, viewer.orgId));
  const org = { organizationId: viewer.orgId };
  const today = { ...org, startedAt: { gte: since } };
  const [activeCalls, callsToday, answeredToday, missedToday, trunks, perTrunk] = await Promise.all([
    db.call.count({ where: { ...org, state: { not: "ended" } } }),
    db.call.count({ where: today }),
    db.call.count({ where: { ...today, answeredAt: { not: null } } }),
    db.call.count({ where: { ...today, result: "missed" } }),
    db.trunk.findMany({ where: org, select: { id: true, name: true, maxChannels: true }, orderBy: { name: "asc" } }),
    db.call.groupBy({ by: ["trunkId"], where: { ...org, state: { not: "ended" }, trunkId: { not: null } }, _count: { _all: true } })
  ]);
  const used = new Map(perTrunk.map((g) => [g.trunkId, g._count._all]));
  return {
    activeCalls,
    callsToday,
    answeredToday,
    missedToday,
    trunks: trunks.map((t) => ({ trunkId: t.id, name: t.name, maxChannels: t.maxChannels, inUse: used.get(t.id) ?? 0 }))
  };
}

/**
 * Every extension's live status. Extensions the PBX never reported have no row: they are shown
 * as unregistered (lamp "unavailable"), exactly what the status row's defaults say.
 */
export async function listExtensionStatuses({ db }: { db: DbClient }, viewer: ActingViewer): Promise<ExtensionStatusView[]> {
  enforce(RULES.readExtensions, viewer);
  const rows = await db.extensionStatus.findMany({ where: { organizationId: viewer.orgId } });
  return rows.map(toExtensionStatusView);
}

export async function listTrunkStatuses({ db }: { db: DbClient }, viewer: ActingViewer): Promise<TrunkStatusView[]> {
  enforce(RULES.readTrunks, viewer);
  const rows = await db.trunkStatus.findMany({ where: { organizationId: viewer.orgId } });
  return rows.map(toTrunkStatusView);
}
