import { canSeeInternalTicketData } from "@switchboard/auth";
import type { ServiceDeps } from "./extensions";
import { readableTicket, scopeWhere, withOffices } from "./tickets-access";
import type { ActingViewer } from "./viewer";

/**
 * Staff read marks: when a staff member last opened a ticket. A customer's reply after it is unread
 * for them (customers have no marks: their own replies are all they would be told about).
 */
export async function markTicketRead({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, ticketId: string, at = new Date()): Promise<void> {
  if (!canSeeInternalTicketData(viewer)) return;
  await readableTicket(db, await withOffices(db, viewer), ticketId);
  await db.ticketRead.upsert({
    where: { ticketId_userId: { ticketId, userId: viewer.id } },
    create: { ticketId, userId: viewer.id, readAt: at },
    update: { readAt: at }
  });
}

/** Of `ticketIds`, those the viewer may read whose customer replied after the viewer last opened them. Empty for customers. */
export async function listUnreadTicketIds({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, ticketIds: readonly string[]): Promise<string[]> {
  if (!canSeeInternalTicketData(viewer) || ticketIds.length === 0) return [];
  const rows = await db.ticket.findMany({
    where: { AND: [scopeWhere(await withOffices(db, viewer)), { id: { in: [...ticketIds] }, lastCustomerReplyAt: { not: null } }] },
    select: { id: true, lastCustomerReplyAt: true, reads: { where: { userId: viewer.id }, select: { readAt: true } } }
  });
  return rows.filter((r) => r.lastCustomerReplyAt && !(r.reads[0] && r.reads[0].readAt >= r.lastCustomerReplyAt)).map((r) => r.id);
}
