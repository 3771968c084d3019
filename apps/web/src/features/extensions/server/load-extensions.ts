import "server-only";
import { canManageExtensions } from "@switchboard/auth";
import type { ExtensionStatusView, ExtensionView } from "@switchboard/contracts";
import { getExtension, listExtensions, listExtensionStatuses, listOrgStaff, type UserOption } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { listAll } from "@/server/list-all";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export interface ExtensionsPageData {
  seq: number;
  rows: ExtensionView[];
  /** Live registration and device state (BLF), read at the same seq. */
  statuses: ExtensionStatusView[];
  truncated: boolean;
  canManage: boolean;
}

/** The organization's extensions with the seq they reflect (the service refuses non-staff). */
export async function loadExtensionsPage(viewer: Viewer): Promise<ExtensionsPageData> {
  const { services } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, async () => {
    const list = await listAll((page, pageSize) => listExtensions(services, viewer, { page, pageSize, sort: "number", dir: "asc" }));
    return { ...list, statuses: await listExtensionStatuses(services, viewer) };
  });
  return { seq, rows: data.rows, statuses: data.statuses, truncated: data.truncated, canManage: canManageExtensions(viewer) };
}

export async function loadStaffOptions(viewer: Viewer): Promise<UserOption[]> {
  return listOrgStaff(getRuntime().db, viewer);
}

export async function loadExtension(viewer: Viewer, id: string): Promise<ExtensionView> {
  return getExtension(getRuntime().services, viewer, id);
}
