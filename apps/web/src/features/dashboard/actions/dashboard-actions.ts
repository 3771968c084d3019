"use server";

import { canReadCalls, canReadExtensions } from "@switchboard/auth";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { forbiddenError } from "@/server/forbidden";
import { toActionResult } from "@/server/action-result";
import { loadCallFigures } from "../server/load-call-figures";
import { loadDashboardCounts } from "../server/load-dashboard";

/** Fresh counts for a dashboard that saw extensions or trunks change. */
export async function refreshDashboardCountsAction() {
  const viewer = await requireViewer();
  return toActionResult(async () => {
    if (!canReadExtensions(viewer)) throw forbiddenError("your role cannot see these counts");
    return loadDashboardCounts(viewer);
  });
}

/** Fresh call figures for a dashboard that saw a call or trunk change. */
export async function refreshCallFiguresAction() {
  const viewer = await requireViewer();
  return toActionResult(async () => {
    if (!canReadCalls(viewer)) throw forbiddenError("your role cannot see calls");
    return loadCallFigures(viewer);
  });
}
