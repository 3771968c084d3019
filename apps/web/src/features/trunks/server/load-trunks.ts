import "server-only";
import { canManageTrunks } from "@switchboard/auth";
import type { TrunkStatusView, TrunkView } from "@switchboard/contracts";
import { getTrunk, listTrunks, listTrunkStatuses } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { listAll } from "@/server/list-all";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export interface TrunksPageData {
  seq: number;
  rows: TrunkView[];
  /** Live registration status, read at the same seq. */
  statuses: TrunkStatusView[];
  truncated: boolean;
  canManage: boolean;
}

/** The organization's trunks with the seq they reflect (the service refuses non-staff). */
export async function loadTrunksPage(viewer: Viewer): Promise<TrunksPageData> {
  const { services } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, async () => {
    const list = await listAll((page, pageSize) => listTrunks(services, viewer, { page, pageSize, sort: "name", dir: "asc" }));
    return { ...list, statuses: await listTrunkStatuses(services, viewer) };
  });
  return { seq, rows: data.rows, statuses: data.statuses, truncated: data.truncated, canManage: canManageTrunks(viewer) };
}

export async function loadTrunk(viewer: Viewer, id: string): Promise<TrunkView> {
  return getTrunk(getRuntime().services, viewer, id);
}
