import { canAddInternalNote, canReplyToTicket, isStaff, TICKET_FIELD_DENIALS } from "@switchboard/auth";
import type { NotificationKind, ReplyCreateInput, TicketReplyView } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { withActor } from "../outbox/context";
import { replyAuthor, toTicketReplyView } from "../views/ticket-reply-view";
import { ticketAccessOf } from "../views/ticket-view";
import type { ServiceDeps } from "./extensions";
import { conflict, DomainError, notFound } from "./errors";
import { readableTicket, withOffices } from "./tickets-access";
import { attachmentMetadata, storeAttachments, withIds } from "./tickets-attachments";
import { setStatus } from "./tickets-change";
import { excerptOf, mentionedStaff, notify } from "./tickets-notify";
import { actorOf, type ActingViewer } from "./viewer";

/**
 * Every reply moves the ticket's "Updated" (so answered tickets rise in the lists), a customer's
 * also its last customer reply (unread for staff who have not opened it since). A plain statement,
 * not a hooked write: the reply's own event, in this transaction, announces both (consoles apply
 * its `createdAt`), and a ticket event here would repeat the last audit row as news.
 */
async function touchTicket(db: DbClient, ticketId: string, at: Date, fromCustomer: boolean): Promise<void> {
  await db.$executeRaw`
    UPDATE tickets SET updated_at = ${at},
      last_customer_reply_at = CASE WHEN ${fromCustomer} THEN ${at}::timestamptz ELSE last_customer_reply_at END
    WHERE id = ${ticketId}::uuid`;
}

/**
 * Adds a reply (or, for staff, an internal note) with its files to a ticket the viewer may read. A customer's
 * reply reopens a pending or resolved ticket; a closed ticket takes no replies (409: reopen it).
 * In the same transaction: a "reply" notification for the ticket's customer (public replies only)
 * and assignee, and a "mention" notification for staff named with @ who may read the ticket.
 */
export async function replyToTicket(deps: ServiceDeps, viewer: ActingViewer, ticketId: string, data: ReplyCreateInput): Promise<TicketReplyView> {
  return withActor(actorOf(viewer), () =>
    deps.db.$transaction(async (tx) => {
      const db = tx as unknown as DbClient;
      const actor = await withOffices(db, viewer);
      const ticket = await readableTicket(db, actor, ticketId, { lock: true });
      const access = ticketAccessOf(ticket);
      if (data.internal && !canAddInternalNote(actor, access)) {
        throw new DomainError("forbidden", TICKET_FIELD_DENIALS.internal, { internal: TICKET_FIELD_DENIALS.internal });
      }
      if (!canReplyToTicket(actor, access)) throw notFound("ticket");
      if (ticket.status === "closed") throw conflict("status", "the ticket is closed; reopen it before replying");

      const files = withIds(data.attachments);
      const reply = await db.ticketReply.create({
        data: {
          organizationId: ticket.organizationId,
          ticketId: ticket.id,
          authorId: viewer.id,
          body: data.body,
          internal: data.internal,
          attachments: attachmentMetadata(files)
        },
        include: replyAuthor
      });
      await storeAttachments(db, { organizationId: reply.organizationId, ticketId: reply.ticketId, replyId: reply.id }, files);
      const fromCustomer = !isStaff(actor);
      await touchTicket(db, ticket.id, reply.createdAt, fromCustomer);
      if (fromCustomer && (ticket.status === "pending" || ticket.status === "resolved")) await setStatus(db, actor, ticket, "open");

      const excerpt = excerptOf(data.body);
      const entries: { userId: string; kind: NotificationKind; excerpt: string }[] = [];
      // Mentions first: someone both mentioned and involved gets one entry, the more specific one.
      if (isStaff(actor)) for (const userId of await mentionedStaff(db, ticket, data.body)) entries.push({ userId, kind: "mention", excerpt });
      if (ticket.assigneeId) entries.push({ userId: ticket.assigneeId, kind: "reply", excerpt });
      if (!data.internal) entries.push({ userId: ticket.customerId, kind: "reply", excerpt });
      await notify(db, actor, ticket, entries);
      return toTicketReplyView(reply);
    })
  );
}
