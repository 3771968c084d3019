import { canSeeInternalTicketData } from "@switchboard/auth";
import type { AttachmentUpload } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { TicketReply } from "../generated/prisma/client";
import { DomainError, notFound } from "./errors";
import { readableTicket, withOffices } from "./tickets-access";
import type { ActingViewer } from "./viewer";

interface TicketAttachmentFile {
  name: string;
  contentType: string;
  size: number;
  content: Uint8Array;
}

/** The reply's files, under the ids its metadata names, in the reply's transaction. */
export async function storeAttachments(
  db: DbClient,
  reply: Pick<TicketReply, "id" | "ticketId" | "organizationId">,
  files: (AttachmentUpload & { id: string })[]
): Promise<void> {
  if (files.length === 0) return;
  await db.ticketAttachment.createMany({
    data: files.map(({ id, name, type, content }) => ({
      id,
      organizationId: reply.organizationId,
      ticketId: reply.ticketId,
      replyId: reply.id,
      name,
      contentType: type,
      size: content.byteLength,
      content
    }))
  });
}

/**
 * A file of a reply the viewer may read: on a ticket they may read, and for an internal note only
 * staff. Whatever else the id names is `attachment not found`, exactly like an unknown id.
 */
export async function readTicketAttachment(deps: { db: DbClient }, viewer: ActingViewer, id: string): Promise<TicketAttachmentFile> {
  const { db } = deps;
  const meta = await db.ticketAttachment.findFirst({
    where: { id, organizationId: viewer.orgId },
    select: { ticketId: true, reply: { select: { internal: true } } }
  });
  if (!meta) throw notFound("attachment");
  const actor = await withOffices(db, viewer);
  try {
    await readableTicket(db, actor, meta.ticketId);
  } catch (error) {
    throw error instanceof DomainError && error.code === "not_found" ? notFound("attachment") : error;
  }
  if (meta.reply.internal && !canSeeInternalTicketData(actor)) throw notFound("attachment");
  const file = await db.ticketAttachment.findUnique({ where: { id }, select: { name: true, contentType: true, size: true, content: true } });
  if (!file) throw notFound("attachment");
  return file;
}
