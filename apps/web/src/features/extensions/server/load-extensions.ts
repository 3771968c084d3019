import "server-only";
import { canManageExtensions } from "@switchboard/auth";
import type { ExtensionView } from "@switchboard/contracts";
import { getExtension, listExtensions, listOrgStaff, type UserOption } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { listAll } from "@/server/list-all";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export interface ExtensionsPageData {
  seq: number;
  rows: ExtensionView[];
  truncated: boolean;
  canManage: boolean;
}

/** The organization's extensions with the seq they reflect (the service refuses non-staff). */
export async function loadExtensionsPage(viewer: Viewer): Promise<ExtensionsPageData> {
  const { services } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, () =>
    listAll((page, pageSize) => listExtensions(services, viewer, { page, pageSize, sort: "number", dir: "asc" }))
  );
  return { seq, rows: data.rows, truncated: data.truncated, canManage: canManageExtensions(viewer) };
}

export async function loadStaffOptions(viewer: Viewer): Promise<UserOption[]> {
  return listOrgStaff(getRuntime().db, viewer);
}

export async function loadExtension(viewer: Viewer, id: string): Promise<ExtensionView> {
  return getExtension(getRuntime().services, viewer, id);
}
