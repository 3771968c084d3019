import "server-only";
import { canManageExtensions } from "@switchboard/auth";
import type { ExtensionStatusView, ExtensionView } from "@switchboard/contracts";
import type { UserOption } from "@switchboard/contracts";
import { getExtension, listExtensions, listExtensionStatuses, listOrgStaff, parseId } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { readLiveList, type LiveList } from "@/server/live-list";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

/** Statuses are the BLF: registration and device state. */
export interface ExtensionsPageData extends LiveList<ExtensionView, ExtensionStatusView> {
  canManage: boolean;
}

/** The organization's extensions with the seq they reflect (the service refuses non-staff). */
export async function loadExtensionsPage(viewer: Viewer): Promise<ExtensionsPageData> {
  const { services } = getRuntime();
  const list = await readLiveList(
    viewer.orgId,
    (page, pageSize) => listExtensions(services, viewer, { page, pageSize, sort: "number", dir: "asc" }),
    () => listExtensionStatuses(services, viewer)
  );
  return { ...list, canManage: canManageExtensions(viewer) };
}

export async function loadStaffOptions(viewer: Viewer): Promise<UserOption[]> {
  return listOrgStaff(getRuntime().db, viewer);
}

/** One extension to edit, with the seq it reflects (the form watches its events from there). */
export async function loadExtension(viewer: Viewer, id: string): Promise<{ seq: number; extension: ExtensionView }> {
  const extensionId = parseId(id, "extension");
  const { seq, data } = await readSnapshot(viewer.orgId, () => getExtension(getRuntime().services, viewer, extensionId));
  return { seq, extension: data };
}
