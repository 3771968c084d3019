import "server-only";
import { canManageTrunks } from "@switchboard/auth";
import type { TrunkStatusView, TrunkView } from "@switchboard/contracts";
import { getTrunk, listTrunks, listTrunkStatuses, parseId } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { readLiveList, type LiveList } from "@/server/live-list";
import { getRuntime } from "@/server/runtime";

/** Statuses are the live registration. */
export interface TrunksPageData extends LiveList<TrunkView, TrunkStatusView> {
  canManage: boolean;
}

/** The organization's trunks with the seq they reflect (the service refuses non-staff). */
export async function loadTrunksPage(viewer: Viewer): Promise<TrunksPageData> {
  const { services } = getRuntime();
  const list = await readLiveList(
    viewer.orgId,
    (page, pageSize) => listTrunks(services, viewer, { page, pageSize, sort: "name", dir: "asc" }),
    () => listTrunkStatuses(services, viewer)
  );
  return { ...list, canManage: canManageTrunks(viewer) };
}

export async function loadTrunk(viewer: Viewer, id: string): Promise<TrunkView> {
  return getTrunk(getRuntime().services, viewer, parseId(id, "trunk"));
}
