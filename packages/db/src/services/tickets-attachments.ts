import { canSeeInternalTicketData } from "@switchboard/auth";
import { randomUUID } from "node:crypto";
import type { AttachmentUpload, AttachmentView } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { DomainError, notFound } from "./errors";
import { readableTicket, withOffices } from "./tickets-access";
import type { ActingViewer } from "./viewer";

type StoredUpload = AttachmentUpload & { id: string };

interface TicketAttachmentFile {
  name: string;
  contentType: string;
  size: number;
  content: Uint8Array;
}

/** Files as received, each with the id its metadata will name. */
export function withIds(files: readonly AttachmentUpload[] = []): StoredUpload[] {
  return files.map((file) => ({ id: randomUUID(), ...file }));
}

/** What the ticket's or reply's `attachments` column lists of its files. */
export function attachmentMetadata(files: readonly StoredUpload[]): AttachmentView[] {
  return files.map(({ id, name, type, content }) => ({ id, name, type, size: content.byteLength }));
}

/** The files of a ticket's description (`replyId` null) or of a reply, in the same transaction as it. */
export async function storeAttachments(
  db: DbClient,
  owner: { organizationId: string; ticketId: string; replyId: string | null },
  files: readonly StoredUpload[]
): Promise<void> {
  if (files.length === 0) return;
  await db.ticketAttachment.createMany({
    data: files.map(({ id, name, type, content }) => ({ id, ...owner, name, contentType: type, size: content.byteLength, content }))
  });
}

/**
 * A file the viewer may read: on a ticket they may read, and of an internal note only for staff (a
 * description's files go with the ticket). Whatever else the id names is `attachment not found`,
 * exactly like an unknown id.
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
  if (meta.reply?.internal && !canSeeInternalTicketData(actor)) throw notFound("attachment");
  const file = await db.ticketAttachment.findUnique({ where: { id }, select: { name: true, contentType: true, size: true, content: true } });
  if (!file) throw notFound("attachment");
  return file;
}
