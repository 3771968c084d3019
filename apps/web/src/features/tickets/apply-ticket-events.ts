import type { DomainEvent, TicketActivityView, TicketReplyView, TicketView } from "@switchboard/contracts";
import type { EventOf } from "@/features/realtime/event-types";

type TicketChangeEvent = EventOf<"ticket.created" | "ticket.updated" | "ticket.status_changed" | "ticket.assigned">;
type ReplyEvent = EventOf<"ticket.reply_created">;
/** The event types the ticket views apply: changes to a ticket, and replies. */
export type TicketEventType = TicketChangeEvent["type"] | ReplyEvent["type"];

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
