import type { DomainEvent, TicketActivityView, TicketReplyView, TicketView } from "@switchboard/contracts";
import type { EventOf } from "@/features/realtime/event-types";
import { familiesFor } from "@/features/realtime/topics";

type TicketChangeEvent = EventOf<"ticket.created" | "ticket.updated" | "ticket.status_changed" | "ticket.assigned">;
type ReplyEvent = EventOf<"ticket.reply_created">;
/** The event types the ticket views apply: changes to a ticket, and replies. */
export type TicketEventType = TicketChangeEvent["type"] | ReplyEvent["type"];
/** What the ticket list follows; one ticket's page follows only that ticket (`ticketTopic`). */
export const TICKET_TOPICS = familiesFor<TicketEventType>()(["tickets"]);

function isTicketChange(event: DomainEvent): event is TicketChangeEvent {
  return event.type === "ticket.created" || event.type === "ticket.updated" || event.type === "ticket.status_changed" || event.type === "ticket.assigned";
}

function isReplyEvent(event: DomainEvent): event is ReplyEvent {
  return event.type === "ticket.reply_created";
}

/** The ticket's state as carried by an event (without the audit row), or null for a "hidden" marker. */
function ticketOf(event: TicketChangeEvent): TicketView | null {
  const data = event.data;
  if (data.view === "hidden") return null;
  const { activity: _activity, ...ticket } = data;
  return ticket;
}

/** Whether `next` is not older than `current`: staff copies carry a version, customer copies only a timestamp. */
function isNewer(current: TicketView, next: TicketView): boolean {
  if (current.view === "staff" && next.view === "staff") return next.version >= current.version;
  return next.updatedAt >= current.updatedAt;
}

/**
 * Patches one page of the ticket list with the events that followed its snapshot: changed rows
 * are replaced in place, tickets the viewer lost sight of are dropped, and tickets that appeared
 * (new, or newly in the viewer's scope) are put on top when `accepts` says the page shows them.
 */
export function applyTicketListEvents(rows: readonly TicketView[], events: readonly DomainEvent[], accepts: (ticket: TicketView) => boolean): TicketView[] {
  let result = rows as TicketView[];
  for (const event of events) {
    if (isReplyEvent(event)) {
      const index = result.findIndex((row) => row.id === event.data.ticketId);
      const row = result[index];
      const next = row ? answered(row, event) : row;
      if (next !== row) result = result.map((r, i) => (i === index && next ? next : r));
      continue;
    }
    if (!isTicketChange(event)) continue;
    const next = ticketOf(event);
    const index = result.findIndex((row) => row.id === event.subject.id);
    if (next === null) {
      if (index >= 0) result = result.filter((row) => row.id !== event.subject.id);
    } else if (index >= 0) {
      const current = result[index];
      if (current && isNewer(current, next)) result = result.map((row, i) => (i === index ? next : row));
    } else if (accepts(next)) {
      result = [next, ...result];
    }
  }
  return result;
}

/** A reply moves its ticket's "Updated" (and a customer's its last customer reply), as the server did with it. */
function answered(row: TicketView, event: ReplyEvent): TicketView {
  const at = event.data.createdAt;
  const updated = at > row.updatedAt ? { ...row, updatedAt: at } : row;
  if (updated.view !== "staff" || event.data.authorIsStaff || event.data.internal) return updated;
  return !updated.lastCustomerReplyAt || at > updated.lastCustomerReplyAt ? { ...updated, lastCustomerReplyAt: at } : updated;
}

/** Rows ordered by "Updated" the way the server sorts them (newest first for "desc"), ties by position. */
export function sortByUpdated(rows: readonly TicketView[], dir: "asc" | "desc"): TicketView[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => (a.updatedAt === b.updatedAt ? 0 : a.updatedAt < b.updatedAt ? -sign : sign));
}

/**
 * Tickets with a customer reply the viewer has not seen: those the server said so of, plus those a
 * customer answered since (the viewer opening a ticket reloads the list without it).
 */
export function unreadTicketIds(initial: readonly string[], events: readonly DomainEvent[]): Set<string> {
  const ids = new Set(initial);
  for (const event of events) if (isReplyEvent(event) && !event.data.authorIsStaff && !event.data.internal) ids.add(event.data.ticketId);
  return ids;
}

export interface TicketThread {
  ticket: TicketView;
  replies: TicketReplyView[];
  activity: TicketActivityView[];
  /** The viewer lost sight of the ticket (moved to another office, reassigned away). */
  hidden: boolean;
}

function toReply({ data }: ReplyEvent): TicketReplyView {
  const { id, ticketId, authorId, authorName, authorIsStaff, body, internal, attachments, createdAt } = data;
  return { id, ticketId, authorId, authorName, authorIsStaff, body, internal, attachments, createdAt };
}

/**
 * The conversation after the events that followed its snapshot. `staff` false drops internal
 * entries even if one ever arrived: a customer's screen never shows an internal note.
 */
export function applyTicketThreadEvents(initial: Omit<TicketThread, "hidden">, events: readonly DomainEvent[], staff: boolean): TicketThread {
  const thread: TicketThread = { ...initial, hidden: false };
  for (const event of events) {
    if (event.subject.id !== initial.ticket.id && !(isReplyEvent(event) && event.data.ticketId === initial.ticket.id)) continue;
    if (isTicketChange(event)) {
      const next = ticketOf(event);
      if (next === null) {
        thread.hidden = true;
        continue;
      }
      thread.hidden = false;
      if (isNewer(thread.ticket, next)) thread.ticket = next;
      const activity = event.data.view === "hidden" ? null : event.data.activity;
      if (activity && (staff || !activity.internal) && !thread.activity.some((a) => a.id === activity.id)) thread.activity = [...thread.activity, activity];
    } else if (isReplyEvent(event)) {
      const reply = toReply(event);
      if ((staff || !reply.internal) && !thread.replies.some((r) => r.id === reply.id)) thread.replies = [...thread.replies, reply];
    }
  }
  return thread;
}
