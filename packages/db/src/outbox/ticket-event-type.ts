import type { EventType } from "@switchboard/contracts";
import type { Notification, Ticket } from "../generated/prisma/client";

export type TicketEventType = Extract<EventType, "ticket.created" | "ticket.updated" | "ticket.status_changed" | "ticket.assigned">;
export type NotificationEventType = Extract<EventType, `notification.${string}`>;

/**
 * Which ticket.* event a write of a Ticket row is, from what changed: a new assignee (or none) is
 * ticket.assigned, a new status ticket.status_changed, anything else ticket.updated. Services make
 * one change per write, so each change is announced as what it is.
 */
export function ticketEventType(verb: "created" | "updated", before: Ticket | null, after: Ticket): TicketEventType {
  if (verb === "created") return "ticket.created";
  if (before && before.assigneeId !== after.assigneeId) return "ticket.assigned";
  if (before && before.status !== after.status) return "ticket.status_changed";
  return "ticket.updated";
}

/** A notification is announced when it arrives and when it is read; nothing else about it is news. */
export function notificationEventType(verb: "created" | "updated", before: Notification | null, after: Notification): NotificationEventType | null {
  if (verb === "created") return "notification.created";
  if (before?.readAt === null && after.readAt !== null) return "notification.read";
  return null;
}
