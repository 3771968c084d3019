import "server-only";
import { canSeeInternalTicketData } from "@switchboard/auth";
import { countTickets, parseInput, ticketListQuerySchema } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";
import { toTicketQuery } from "../ticket-list-params";
import { SAVED_VIEWS, savedViewParams, type SavedViewCounts } from "../ticket-saved-views";

/**
 * How many tickets each saved view holds now, as the list counts them for the viewer ("All
 * tickets" is the list's own total when unfiltered). None for customers, who have no saved views.
 */
export async function loadSavedViewCounts(viewer: Viewer): Promise<SavedViewCounts> {
  const views = SAVED_VIEWS.filter((view) => view.id !== "all");
  const queries = views.map((view) => parseInput(ticketListQuerySchema, toTicketQuery(savedViewParams(view))));
  const { seq, data } = await readSnapshot(viewer.orgId, async () =>
    canSeeInternalTicketData(viewer) ? await countTickets(getRuntime().services, viewer, queries) : []
  );
  const counts: SavedViewCounts["counts"] = {};
  views.forEach((view, i) => (counts[view.id] = data[i]));
  return { seq, counts };
}
