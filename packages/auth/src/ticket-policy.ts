import { isManager, isStaff, sameOrg, type Viewer } from "./viewer";

/**
 * Tickets: who sees and changes what. Visibility depends on ownership and office membership, so
 * every check takes the ticket's access facts; the same facts ride along in every ticket event,
 * so the realtime filter decides without a database query.
 */
export interface TicketAccess {
  orgId: string;
  officeId: string | null;
  customerId: string;
  assigneeId: string | null;
  /** Who opened it: they may always read what they opened, wherever it moves. */
  createdById: string;
}

/**
 * Which tickets a viewer's lists may contain, for services to turn into a query. It is the same
 * rule as canReadTicket, stated as a set.
 */
export type TicketScope =
  | { kind: "org"; orgId: string }
  | { kind: "agent"; orgId: string; userId: string; officeIds: readonly string[] }
  | { kind: "customer"; orgId: string; userId: string };

export function ticketScope(viewer: Viewer): TicketScope {
  if (isManager(viewer)) return { kind: "org", orgId: viewer.orgId };
  if (viewer.role === "agent") return { kind: "agent", orgId: viewer.orgId, userId: viewer.id, officeIds: viewer.officeIds ?? [] };
  return { kind: "customer", orgId: viewer.orgId, userId: viewer.id };
}

/**
 * Supervisors and admins: all of their organization; agents: their offices' tickets, those assigned
 * to them and those they opened; customers: their own.
 */
export function canReadTicket(viewer: Viewer, ticket: TicketAccess): boolean {
  if (!sameOrg(viewer, ticket.orgId)) return false;
  const scope = ticketScope(viewer);
  switch (scope.kind) {
    case "org":
      return true;
    case "agent":
      return ticket.assigneeId === viewer.id || ticket.createdById === viewer.id || (ticket.officeId !== null && scope.officeIds.includes(ticket.officeId));
    case "customer":
      return ticket.customerId === viewer.id;
  }
}

/** Everyone signed in may open a ticket (customers for themselves). */
export function canCreateTicket(_viewer: Viewer): boolean {
  return true;
}

/** Opening a ticket for someone else, with a priority, an assignee or a linked call: staff only. */
export function canOpenTicketOnBehalf(viewer: Viewer): boolean {
  return isStaff(viewer);
}

/** Internal notes, internal activity, assignee, office, priority, SLA: staff only. */
export function canSeeInternalTicketData(viewer: Viewer): boolean {
  return isStaff(viewer);
}

export function canReplyToTicket(viewer: Viewer, ticket: TicketAccess): boolean {
  return canReadTicket(viewer, ticket);
}

export function canAddInternalNote(viewer: Viewer, ticket: TicketAccess): boolean {
  return isStaff(viewer) && canReadTicket(viewer, ticket);
}

/** Status, priority, office and assignee are staff matters; customers change none of them on any ticket. */
export function canChangeTickets(viewer: Viewer): boolean {
  return isStaff(viewer);
}

export function canChangeTicketStatus(viewer: Viewer, ticket: TicketAccess): boolean {
  return isStaff(viewer) && canReadTicket(viewer, ticket);
}

export function canChangeTicketPriority(viewer: Viewer, ticket: TicketAccess): boolean {
  return isStaff(viewer) && canReadTicket(viewer, ticket);
}

/** Assigning (to a member of the ticket's office, see canBeAssigned) or unassigning. */
export function canAssignTicket(viewer: Viewer, ticket: TicketAccess): boolean {
  return isStaff(viewer) && canReadTicket(viewer, ticket);
}

/** Moving a ticket between offices changes who sees it: supervisors and admins only. */
export function canChangeTicketOffice(viewer: Viewer, ticket: TicketAccess): boolean {
  return isManager(viewer) && sameOrg(viewer, ticket.orgId);
}

/**
 * Whether `candidate` may be a ticket's assignee: staff of the ticket's organization and, when the
 * ticket belongs to an office, a member of it.
 */
export function canBeAssigned(candidate: Viewer, ticket: Pick<TicketAccess, "orgId" | "officeId">): boolean {
  if (!isStaff(candidate) || !sameOrg(candidate, ticket.orgId)) return false;
  return ticket.officeId === null || (candidate.officeIds ?? []).includes(ticket.officeId);
}

/** Offices (names, for picking a department) are listed to everyone; who belongs to them to staff. */
export function canSeeOfficeMembers(viewer: Viewer): boolean {
  return isStaff(viewer);
}

/** Creating offices and changing who belongs to them: admins. */
export function canManageOffices(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

/** A notification is its recipient's alone. */
export function canReadNotification(viewer: Viewer, notification: { orgId: string; userId: string }): boolean {
  return sameOrg(viewer, notification.orgId) && viewer.id === notification.userId;
}

/** Canned replies: every staff member reads and inserts them; admins and supervisors write them. */
export function canReadCannedReplies(viewer: Viewer): boolean {
  return isStaff(viewer);
}

export function canManageCannedReplies(viewer: Viewer): boolean {
  return isManager(viewer);
}
