import "server-only";
import { canSeeInternalTicketData } from "@switchboard/auth";
import type { OfficeView, Page, TicketView } from "@switchboard/contracts";
import type { UserOption } from "@switchboard/contracts";
import { countTickets, listOffices, listOrgStaff, listTickets, listUnreadTicketIds, parseInput, ticketListQuerySchema } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { asDomainError } from "@/server/domain-error";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";
import { toTicketQuery, type TicketListParams } from "../ticket-list-params";
import { SAVED_VIEWS, savedViewParams } from "../ticket-saved-views";

/** How many tickets each saved view holds now ("All tickets" is the list's own total when unfiltered). */
async function countSavedViews(viewer: Viewer): Promise<Record<string, number>> {
  const views = SAVED_VIEWS.filter((view) => view.id !== "all");
  const counts = await countTickets(
    getRuntime().services,
    viewer,
    views.map((view) => parseInput(ticketListQuerySchema, toTicketQuery(savedViewParams(view))))
  );
  return Object.fromEntries(views.map((view, i) => [view.id, counts[i] ?? 0]));
}

export type TicketsPageData =
  | { ok: true; seq: number; page: Page<TicketView>; unreadIds: string[]; offices: OfficeView[]; staff: UserOption[]; viewCounts: Record<string, number> }
  | { ok: false; message: string; offices: OfficeView[]; staff: UserOption[] };

/** One page of the tickets the viewer may see, read together with the event seq it reflects. */
export async function loadTicketsPage(viewer: Viewer, params: TicketListParams): Promise<TicketsPageData> {
  const { services, db } = getRuntime();
  const isStaffViewer = canSeeInternalTicketData(viewer);
  const [offices, staff] = isStaffViewer ? await Promise.all([listOffices(services, viewer), listOrgStaff(db, viewer)]) : [[], []];
  try {
    const query = parseInput(ticketListQuerySchema, toTicketQuery(params));
    const { seq, data } = await readSnapshot(viewer.orgId, () => listTickets(services, viewer, query));
    const unreadIds = await listUnreadTicketIds(
      services,
      viewer,
      data.data.map((t) => t.id)
    );
    return { ok: true, seq, page: data, unreadIds, offices, staff, viewCounts: isStaffViewer ? await countSavedViews(viewer) : {} };
  } catch (error) {
    const domain = asDomainError(error);
    if (domain?.code === "bad_request") return { ok: false, message: domain.message, offices, staff };
    throw error;
  }
}
