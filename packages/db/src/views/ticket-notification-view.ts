import { ticketPublicId, type NotificationView } from "@switchboard/contracts";
import type { Notification, Ticket } from "../generated/prisma/client";

export type NotificationRow = Notification & {
  ticket?: Pick<Ticket, "number" | "subject"> | null;
  actor?: { name: string } | null;
};

export const notificationIncludes = {
  ticket: { select: { number: true, subject: true } },
  actor: { select: { name: true } }
} as const;

export function toNotificationView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    userId: row.userId,
    kind: row.kind,
    ticketId: row.ticketId,
    ticketPublicId: row.ticket ? ticketPublicId(row.ticket.number) : "",
    ticketSubject: row.ticket?.subject ?? "",
    actorId: row.actorId,
    actorName: row.actorId ? (row.actor?.name ?? null) : null,
    excerpt: row.excerpt,
    readAt: row.readAt ? row.readAt.toISOString() : null,
    createdAt: row.createdAt.toISOString()
  };
}
