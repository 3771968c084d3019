"use server";

import { canReadExtensions } from "@switchboard/auth";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { forbiddenError } from "@/server/forbidden";
import { toActionResult } from "@/server/action-result";
import { loadDashboardCounts } from "../server/load-dashboard";

/** Fresh counts for a dashboard that saw extensions or trunks change. */
export async function refreshDashboardCountsAction() {
  const viewer = await requireViewer();
  return toActionResult(async () => {
    if (!canReadExtensions(viewer)) throw forbiddenError("your role cannot see these counts");
    return loadDashboardCounts(viewer);
  });
}
