import { actorName, type EventDescribers } from "@/features/realtime/describe-event";
import type { EventFamily } from "@/features/realtime/event-types";
import { STATUS_LABELS } from "./ticket-labels";

const filesNote = (count: number) => (count === 0 ? "" : count === 1 ? " with a file" : ` with ${count} files`);

/**
 * The toast for someone's change to a ticket ("Ana Agent replied on T-1042"); null for what is not
 * worth one. Customers get no toast for staff matters (assignment, priority, office): their copy of
 * those events says nothing about them.
 */
export const ticketDescribers = {
  "ticket.created": (event) => (event.data.view === "hidden" ? null : `${actorName(event)} opened ticket ${event.data.publicId}`),
  "ticket.status_changed": (event) =>
    event.data.view === "hidden" ? null : `${actorName(event)} set ${event.data.publicId} to ${STATUS_LABELS[event.data.status]}`,
  "ticket.assigned": (event) => {
    if (event.data.view !== "staff") return null;
    const who = actorName(event);
    return event.data.assigneeName ? `${who} assigned ${event.data.publicId} to ${event.data.assigneeName}` : `${who} unassigned ${event.data.publicId}`;
  },
  "ticket.updated": (event) => (event.data.view === "staff" ? `${actorName(event)} updated ${event.data.publicId}` : null),
  "ticket.reply_created": (event) => {
    const { internal, ticketPublicId, attachments } = event.data;
    const what = internal ? `added an internal note on ${ticketPublicId}` : `replied on ${ticketPublicId}`;
    return `${actorName(event)} ${what}${filesNote(attachments.length)}`;
  }
} satisfies EventDescribers<EventFamily<"ticket">>;
