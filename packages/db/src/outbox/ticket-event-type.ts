import type { EventType } from "@switchboard/contracts";
import type { Notification, Ticket } from "../generated/prisma/client";
import type { Verb } from "./event-models";

/**
 * Which ticket.* event a write of a Ticket row is, from what changed: a new assignee (or none) is
 * ticket.assigned, a new status ticket.status_changed, anything else ticket.updated. Services make
 * one change per write, so each change is announced as what it is. Tickets are never deleted by the
 * app (only by cascades, which bypass the hooks).
 */
export function ticketEventType(verb: Verb, before: Ticket | null, after: Ticket): EventType | null {
  if (verb === "created") return "ticket.created";
  if (verb === "deleted") return null;
  if (before && before.assigneeId !== after.assigneeId) return "ticket.assigned";
  if (before && before.status !== after.status) return "ticket.status_changed";
  return "ticket.updated";
}

/** Replies are written once and never edited. */
export function replyEventType(verb: Verb): EventType | null {
  return verb === "created" ? "ticket.reply_created" : null;
}

/** A notification is announced when it arrives and when it is read; nothing else about it is news. */
export function notificationEventType(verb: Verb, before: Notification | null, after: Notification): EventType | null {
  if (verb === "created") return "notification.created";
  if (verb === "updated" && before?.readAt === null && after.readAt !== null) return "notification.read";
  return null;
}
