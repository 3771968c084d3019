"use server";

import { requireViewer } from "@/features/auth/server/require-viewer";
import { toActionResult } from "@/server/action-result";
import { loadSavedViewCounts } from "../server/load-saved-view-counts";

/** Fresh saved-view counts for a ticket list that saw tickets change (or whose overdue ones may have moved with the clock). */
export async function refreshSavedViewCountsAction() {
  const viewer = await requireViewer();
  return toActionResult(() => loadSavedViewCounts(viewer));
}
