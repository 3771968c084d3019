import "server-only";
import { listTickets, ticketListQuerySchema } from "@switchboard/db";
import type { Viewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { readSnapshot } from "@/server/snapshot";

export interface TicketFigures {
  /** Open tickets the viewer may see (an agent: their offices' and their own). */
  open: number;
  /** Open tickets assigned to the viewer. */
  mineOpen: number;
}

/** Counted by the ticket list itself, with the filters the figures link to, so both always agree. */
export async function loadTicketFigures(viewer: Viewer): Promise<{ seq: number; figures: TicketFigures }> {
  const { services } = getRuntime();
  const count = async (filters: Record<string, string>) =>
    (await listTickets(services, viewer, ticketListQuerySchema.parse({ ...filters, status: "open", pageSize: 1 }))).total;
  const { seq, data } = await readSnapshot(viewer.orgId, async () => {
    const [open, mineOpen] = await Promise.all([count({}), count({ mine: "true" })]);
    return { open, mineOpen };
  });
  return { seq, figures: data };
}
