import { DEFAULT_TICKET_PARAMS, ticketListHref, type TicketListParams } from "./ticket-list-params";

/** A named filter of the ticket list: a link that sets the list's URL parameters. */
export interface SavedView {
  id: "all" | "mine" | "unassigned" | "overdue" | "pending";
  label: string;
  filters: Partial<TicketListParams>;
}

/** The saved views' counts (by view id; "all" is the list's own total) and the event seq they reflect. */
export interface SavedViewCounts {
  seq: number;
  counts: Partial<Record<SavedView["id"], number>>;
}

/** The staff's views of the helpdesk, each a plain set of the list's own filters. */
export const SAVED_VIEWS: readonly SavedView[] = [
  { id: "all", label: "All tickets", filters: {} },
  { id: "mine", label: "My open", filters: { mine: true, status: "open" } },
  { id: "unassigned", label: "Unassigned", filters: { assignee: "none", status: "open" } },
  { id: "overdue", label: "Overdue", filters: { overdue: true } },
  { id: "pending", label: "Waiting on customer", filters: { status: "pending" } }
];

/** The list parameters of a view: its filters on the first page, keeping how the list is sorted and paged. */
export function savedViewParams(view: SavedView, current: TicketListParams = DEFAULT_TICKET_PARAMS): TicketListParams {
  const { sort, dir, pageSize } = current;
  return { ...DEFAULT_TICKET_PARAMS, sort, dir, pageSize, ...view.filters };
}

/** The view whose filters the list shows exactly (sorting and paging aside); null for any other combination. */
export function activeSavedView(params: TicketListParams): SavedView | null {
  const shown = ticketListHref({ ...params, page: 1 });
  return SAVED_VIEWS.find((view) => ticketListHref(savedViewParams(view, params)) === shown) ?? null;
}
