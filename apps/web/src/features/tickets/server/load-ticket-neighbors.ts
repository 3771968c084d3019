import "server-only";
import { listTickets, parseInput, ticketListQuerySchema } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { asDomainError } from "@/server/domain-error";
import { getRuntime } from "@/server/runtime";
import { DEFAULT_TICKET_PARAMS, ticketHref, toTicketQuery, type TicketListParams } from "../ticket-list-params";
import { findTicketNeighbors, type TicketPosition } from "../ticket-neighbors";

/** Links to the previous and next ticket of a list; null at its ends. */
export interface TicketNeighborLinks {
  previous: string | null;
  next: string | null;
}

/**
 * The tickets before and after one in the list it was opened from (`params`, from its URL), as
 * far as the viewer may see them; the default list when it was opened directly or the URL's
 * filters cannot be applied.
 */
export async function loadTicketNeighbors(viewer: Viewer, id: string, params: TicketListParams): Promise<TicketNeighborLinks> {
  try {
    return await neighborLinks(viewer, id, params);
  } catch (error) {
    if (asDomainError(error)?.code !== "bad_request") throw error;
    return neighborLinks(viewer, id, DEFAULT_TICKET_PARAMS);
  }
}

async function neighborLinks(viewer: Viewer, id: string, params: TicketListParams): Promise<TicketNeighborLinks> {
  const readPage = async (page: number) => {
    const query = parseInput(ticketListQuerySchema, toTicketQuery({ ...params, page }));
    return (await listTickets(getRuntime().services, viewer, query)).data.map((ticket) => ticket.id);
  };
  const { previous, next } = await findTicketNeighbors(id, params.page, readPage);
  const link = (position: TicketPosition | null) => (position ? ticketHref(position.id, { ...params, page: position.page }) : null);
  return { previous: link(previous), next: link(next) };
}
