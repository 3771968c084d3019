import { canReadTicket, canSeeInternalTicketData, isStaff } from "@switchboard/auth";
import type { ServiceDeps } from "./extensions";
import { forbidden } from "./errors";
import { readableTicket, withOffices } from "./tickets-access";
import { mentionHandleOf } from "./tickets-notify";
import { ticketAccessOf } from "../views/ticket-view";
import type { ActingViewer } from "./viewer";

export interface MentionCandidate {
  id: string;
  name: string;
  /** What follows "@" in the text, as the mention parser reads it back. */
  handle: string;
}

/**
 * Who a staff member may mention on a ticket: active staff of the organization who may read it (a
 * mention of anyone else notifies nobody), by name.
 */
export async function listMentionableStaff({ db }: Pick<ServiceDeps, "db">, viewer: ActingViewer, ticketId: string): Promise<MentionCandidate[]> {
  if (!canSeeInternalTicketData(viewer)) throw forbidden("only staff may mention colleagues");
  const ticket = await readableTicket(db, await withOffices(db, viewer), ticketId);
  const access = ticketAccessOf(ticket);
  const users = await db.user.findMany({
    where: { organizationId: viewer.orgId, status: "active", role: { in: ["admin", "supervisor", "agent"] } },
    select: { id: true, name: true, email: true, role: true, officeMemberships: { select: { officeId: true } } },
    orderBy: { name: "asc" }
  });
  return users
    .filter((u) => {
      const candidate = { id: u.id, orgId: viewer.orgId, role: u.role, officeIds: u.officeMemberships.map((m) => m.officeId) };
      return isStaff(candidate) && canReadTicket(candidate, access);
    })
    .map((u) => ({ id: u.id, name: u.name, handle: mentionHandleOf(u) }));
}
