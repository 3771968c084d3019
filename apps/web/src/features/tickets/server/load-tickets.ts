import "server-only";
import { canSeeInternalTicketData } from "@switchboard/auth";
import type { OfficeView, Page, TicketView } from "@switchboard/contracts";
import type { UserOption } from "@switchboard/contracts";
import { listOffices, listOrgStaff, listTickets, listUnreadTicketIds, parseInput, ticketListQuerySchema } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { asDomainError } from "@/server/domain-error";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";
import { toTicketQuery, type TicketListParams } from "../ticket-list-params";
import type { SavedViewCounts } from "../ticket-saved-views";
import { loadSavedViewCounts } from "./load-saved-view-counts";

export type TicketsPageData =
  | { ok: true; seq: number; page: Page<TicketView>; unreadIds: string[]; offices: OfficeView[]; staff: UserOption[]; viewCounts: SavedViewCounts | null }
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
    return { ok: true, seq, page: data, unreadIds, offices, staff, viewCounts: isStaffViewer ? await loadSavedViewCounts(viewer) : null };
  } catch (error) {
    const domain = asDomainError(error);
    if (domain?.code === "bad_request") return { ok: false, message: domain.message, offices, staff };
    throw error;
  }
}
