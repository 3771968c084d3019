import type { DomainEvent } from "@switchboard/contracts";
import { STATUS_LABELS } from "./ticket-labels";

/**
 * The toast for someone's change to a ticket ("Ana Agent replied on T-1042"); null for what is not
 * worth one; undefined for events that are not about tickets. Customers get no toast for staff
 * matters (assignment, priority, office): their copy of those events says nothing about them.
 */
export function describeTicketEvent(event: DomainEvent): string | null | undefined {
  const who = event.actor?.name || "The system";
  switch (event.type) {
    case "ticket.created":
      return event.data.view === "hidden" ? null : `${who} opened ticket ${event.data.publicId}`;
    case "ticket.status_changed":
      return event.data.view === "hidden" ? null : `${who} set ${event.data.publicId} to ${STATUS_LABELS[event.data.status]}`;
    case "ticket.assigned":
      if (event.data.view !== "staff") return null;
      return event.data.assigneeName ? `${who} assigned ${event.data.publicId} to ${event.data.assigneeName}` : `${who} unassigned ${event.data.publicId}`;
    case "ticket.updated":
      return event.data.view === "staff" ? `${who} updated ${event.data.publicId}` : null;
    case "ticket.reply_created":
      return event.data.internal ? `${who} added an internal note on ${event.data.ticketPublicId}` : `${who} replied on ${event.data.ticketPublicId}`;
    case "notification.created":
    case "notification.read":
      // The header's inbox badge says it.
      return null;
    default:
      return undefined;
  }
}
