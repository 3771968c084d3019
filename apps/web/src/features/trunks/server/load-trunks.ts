import "server-only";
import { canManageTrunks } from "@switchboard/auth";
import type { TrunkStatusView, TrunkView } from "@switchboard/contracts";
import { getTrunk, listTrunks, listTrunkStatuses, parseId } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { readLiveList, type LiveList } from "@/server/live-list";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

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

/** One trunk to edit, with the seq it reflects (the form watches its events from there). */
export async function loadTrunk(viewer: Viewer, id: string): Promise<{ seq: number; trunk: TrunkView }> {
  const trunkId = parseId(id, "trunk");
  const { seq, data } = await readSnapshot(viewer.orgId, () => getTrunk(getRuntime().services, viewer, trunkId));
  return { seq, trunk: data };
}
