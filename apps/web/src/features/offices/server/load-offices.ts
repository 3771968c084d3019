import "server-only";
import { canManageOffices, canSeeOfficeMembers } from "@switchboard/auth";
import type { UserOption } from "@switchboard/contracts";
import { listOfficeRecords, listOrgStaff } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

import type { OfficeRow } from "../office-row";

export interface OfficesPageData {
  seq: number;
  offices: OfficeRow[];
  /** Who may be a member (staff), for naming members and editing them. */
  staff: UserOption[];
  canManage: boolean;
}

/** The offices with their members and ticket counts, and the staff, as of one seq. Staff only. */
export async function loadOfficesPage(viewer: Viewer): Promise<OfficesPageData | null> {
  if (!canSeeOfficeMembers(viewer)) return null;
  const { services, db } = getRuntime();
  const { seq, data } = await readSnapshot(viewer.orgId, async () => ({
    offices: await listOfficeRecords(services, viewer),
    staff: await listOrgStaff(db, viewer)
  }));
  return { seq, ...data, canManage: canManageOffices(viewer) };
}
