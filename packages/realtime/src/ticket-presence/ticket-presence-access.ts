import { canReadTicket, canSeeInternalTicketData, type TicketAccess, type Viewer } from "@switchboard/auth";
import type { DbClient } from "@switchboard/db";

/** Who is on a ticket is internal helpdesk data: staff who may read the ticket, nobody else. */
export function maySeeTicketViewers(viewer: Viewer, ticket: TicketAccess | undefined): boolean {
  return ticket !== undefined && canSeeInternalTicketData(viewer) && canReadTicket(viewer, ticket);
}

/** Access facts of the tickets among `ids` (missing ones are absent), read fresh in one query. */
export async function ticketAccessOf(db: DbClient, ids: readonly string[]): Promise<Map<string, TicketAccess>> {
  if (ids.length === 0) return new Map();
  const rows = await db.ticket.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, organizationId: true, officeId: true, customerId: true, assigneeId: true, createdById: true }
  });
  return new Map(
    rows.map((r) => [r.id, { orgId: r.organizationId, officeId: r.officeId, customerId: r.customerId, assigneeId: r.assigneeId, createdById: r.createdById }])
  );
}
