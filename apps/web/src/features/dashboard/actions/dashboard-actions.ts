"use server";

import { RULES } from "@switchboard/auth";
import { enforce } from "@switchboard/db";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { toActionResult } from "@/server/action-result";
import { loadCallFigures } from "../server/load-call-figures";
import { loadDashboardCounts } from "../server/load-dashboard";
import { loadTicketFigures } from "../server/load-ticket-figures";

/** Fresh counts for a dashboard that saw extensions or trunks change. */
export async function refreshDashboardCountsAction() {
  const viewer = await requireViewer();
  return toActionResult(async () => {
    enforce(RULES.seeDashboardCounts, viewer);
    return loadDashboardCounts(viewer);
  });
}

/** Fresh call figures for a dashboard that saw a call or trunk change. */
export async function refreshCallFiguresAction() {
  const viewer = await requireViewer();
  return toActionResult(async () => {
    enforce(RULES.readCalls, viewer);
    return loadCallFigures(viewer);
  });
}

/** Fresh ticket figures for a dashboard that saw a ticket change (what the viewer may see is decided by the ticket list). */
export async function refreshTicketFiguresAction() {
  const viewer = await requireViewer();
  return toActionResult(() => loadTicketFigures(viewer));
}
