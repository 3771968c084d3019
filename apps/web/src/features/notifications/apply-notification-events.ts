import type { DomainEvent, NotificationView } from "@switchboard/contracts";
import type { EventOf } from "@/features/realtime/event-types";
import { familiesFor } from "@/features/realtime/topics";

type NotificationEvent = EventOf<"notification.created" | "notification.read">;
/** The event types the inbox applies. */
export type NotificationEventType = NotificationEvent["type"];
export const NOTIFICATION_TOPICS = familiesFor<NotificationEventType>()(["notifications"]);

function isNotificationEvent(event: DomainEvent): event is NotificationEvent {
  return event.type === "notification.created" || event.type === "notification.read";
}

/** The inbox after the events that followed its snapshot: new entries on top, read ones updated in place. */
export function applyNotificationEvents(rows: readonly NotificationView[], events: readonly DomainEvent[], onFirstPage: boolean): NotificationView[] {
  let result = rows as NotificationView[];
  for (const event of events) {
    if (!isNotificationEvent(event)) continue;
    const index = result.findIndex((row) => row.id === event.data.id);
    if (index >= 0) result = result.map((row, i) => (i === index ? event.data : row));
    else if (event.type === "notification.created" && onFirstPage) result = [event.data, ...result];
  }
  return result;
}

/**
 * The unread count after the events that followed its snapshot. Every notification.read is one
 * entry going from unread to read (marking a read one again announces nothing), so counting works.
 */
export function unreadAfter(unread: number, events: readonly DomainEvent[]): number {
  let count = unread;
  for (const event of events) {
    if (event.type === "notification.created" && event.data.readAt === null) count += 1;
    else if (event.type === "notification.read") count -= 1;
  }
  return Math.max(0, count);
}

/** "Ana Agent assigned T-1042 to you" — what happened, in words. */
export function describeNotification(n: NotificationView): string {
  const who = n.actorName ?? "Someone";
  switch (n.kind) {
    case "assignment":
      return `${who} assigned ${n.ticketPublicId} to you`;
    case "reply":
      return `${who} replied on ${n.ticketPublicId}`;
    case "mention":
      return `${who} mentioned you on ${n.ticketPublicId}`;
    case "webhook_disabled":
      // ticketSubject names what a non-ticket entry is about: here the webhook's URL.
      return `Webhook ${n.ticketSubject} was disabled`;
  }
}
