import { ticketPublicId, type NotificationView } from "@switchboard/contracts";
import type { Notification, Ticket } from "../generated/prisma/client";

export type NotificationRow = Notification & {
  ticket?: Pick<Ticket, "number" | "subject"> | null;
  webhookEndpoint?: { url: string } | null;
  actor?: { name: string } | null;
};

export const notificationIncludes = {
  ticket: { select: { number: true, subject: true } },
  webhookEndpoint: { select: { url: true } },
  actor: { select: { name: true } }
} as const;

export function toNotificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    userId: row.userId,
    kind: row.kind,
    ticketId: row.ticketId,
    link: row.ticketId ? `/tickets/${row.ticketId}` : row.webhookEndpointId ? `/webhooks/${row.webhookEndpointId}` : "/notifications",
    ticketPublicId: row.ticket ? ticketPublicId(row.ticket.number) : "",
    // Kinds about something else than a ticket name it here (a webhook: its URL).
    ticketSubject: row.ticket?.subject ?? row.webhookEndpoint?.url ?? "",
    actorId: row.actorId,
    actorName: row.actorId ? (row.actor?.name ?? null) : null,
    excerpt: row.excerpt,
    readAt: row.readAt ? row.readAt.toISOString() : null,
    createdAt: row.createdAt.toISOString()
  };
}
