import { ticketPublicId, type StaffReplyEventData, type TicketReplyView } from "@switchboard/contracts";
import type { Role, Ticket, TicketReply } from "../generated/prisma/client";
import { attachmentsOf } from "./attachment-view";

export type TicketReplyRow = TicketReply & {
  author?: { name: string; role: Role } | null;
  ticket?: Pick<Ticket, "number" | "officeId" | "customerId" | "assigneeId" | "createdById"> | null;
};

export const replyAuthor = { author: { select: { name: true, role: true } } } as const;

export function toTicketReplyView(row: TicketReplyRow): TicketReplyView {
  return {
    id: row.id,
    ticketId: row.ticketId,
    authorId: row.authorId,
    authorName: row.author?.name ?? "",
    authorIsStaff: row.author ? row.author.role !== "customer" : false,
    body: row.body,
    internal: row.internal,
    attachments: attachmentsOf(row.attachments),
    createdAt: row.createdAt.toISOString()
  };
}

/** ticket.reply_created data: the reply plus the ticket's access facts (loaded by the hook's include). */
export function toReplyEventData(row: TicketReplyRow): StaffReplyEventData {
  return {
    ...toTicketReplyView(row),
    view: "staff",
    ticketPublicId: row.ticket ? ticketPublicId(row.ticket.number) : "",
    ticketOfficeId: row.ticket?.officeId ?? null,
    ticketCustomerId: row.ticket?.customerId ?? "",
    ticketAssigneeId: row.ticket?.assigneeId ?? null,
    ticketCreatedById: row.ticket?.createdById ?? ""
  };
}
