import { z } from "zod";
import { RULES } from "@switchboard/auth";
import {
  ATTACHMENTS_TOTAL_MAX,
  attachmentListSchema,
  attachmentUploadSchema,
  customerTicketViewSchema,
  dataSchemaOf,
  isPreviewableImage,
  pageSchemaOf,
  replyCreateSchema,
  staffTicketViewSchema,
  ticketActivityViewSchema,
  ticketChangeSchema,
  ticketCreateSchema,
  ticketReplyViewSchema,
  ticketViewSchema,
  type TicketDetail
} from "@switchboard/contracts";
import {
  createTicket,
  getTicket,
  listTicketReplies,
  listTickets,
  readTicketAttachment,
  replyListQuerySchema,
  replyToTicket,
  ticketListQuerySchema,
  updateTicket
} from "@switchboard/db";
import { defineApiRoute } from "./api-route";
import { fileResponse } from "./responses";
import { expectedVersion } from "./if-match";

const TICKETS_PATH = "/api/v1/tickets";
const TAG = "Tickets";

/** A ticket as the API returns it: the viewer's view of the ticket with its visible activity trail. */
const activity = { activity: z.array(ticketActivityViewSchema) };
export const ticketItemSchema = dataSchemaOf(z.discriminatedUnion("view", [staffTicketViewSchema.extend(activity), customerTicketViewSchema.extend(activity)]));

function itemOf(detail: TicketDetail) {
  return { data: { ...detail.ticket, activity: detail.activity } };
}

/** Staff get a ticket's version as its ETag; customers never see versions (their jumps would count internal changes). */
const ticketEtag = ({ data }: { data: { view: string; version?: number } }) => (data.view === "staff" ? data.version : undefined);

const hidden = { item: "ticket", path: `${TICKETS_PATH}/{id}` } as const;

/** In JSON a reply's files are base64; decoded, they meet the same limits as the console's. */
const { name, type, content } = attachmentUploadSchema.shape;
const apiAttachmentSchema = z.strictObject({
  name,
  type,
  content: z
    .base64({ error: "attachment content must be the file's bytes in base64" })
    .transform((encoded) => new Uint8Array(Buffer.from(encoded, "base64")))
    .pipe(content)
});
const attachmentQuerySchema = z.strictObject({
  disposition: z.enum(["attachment", "inline"], { error: "disposition must be attachment or inline" }).default("attachment")
});
const apiFiles = { attachments: attachmentListSchema(apiAttachmentSchema).default([]) };
/** The files together in base64 (4/3 of their size) and the message around them. */
const WITH_FILES_BODY_BYTES = Math.ceil((ATTACHMENTS_TOTAL_MAX * 4) / 3) + 64 * 1024;
const closed = { status: 409, description: "the ticket is closed (`fields.status`): reopen it first" } as const;

/**
 * /api/v1/tickets and below. The services decide (policy per ticket, organization scope); a ticket
 * the caller may not read is not found, and is answered so before a body is read.
 */
export const ticketRoutes = {
  list: defineApiRoute({
    method: "GET",
    path: TICKETS_PATH,
    tag: TAG,
    operationId: "listTickets",
    summary: "List the tickets you may see (search, filter, sort, page)",
    query: ticketListQuerySchema,
    success: { status: 200, description: "One page of tickets", schema: pageSchemaOf(ticketViewSchema) },
    handle: ({ runtime, viewer, query }) => listTickets(runtime.services, viewer, query)
  }),

  create: defineApiRoute({
    method: "POST",
    path: TICKETS_PATH,
    tag: TAG,
    operationId: "createTicket",
    summary: "Open a ticket, with files",
    description: "`attachments`: as for replies — up to 5 files `{ name, type, content }`, `content` in base64; 10 MB each, 20 MB together.",
    rule: RULES.createTickets,
    body: ticketCreateSchema.extend(apiFiles),
    maxBodyBytes: WITH_FILES_BODY_BYTES,
    errors: [{ status: 403, description: "a customer set a staff-only field (each named in `fields`)" }],
    success: { status: 201, description: "The new ticket", schema: ticketItemSchema, location: ({ data }) => `${TICKETS_PATH}/${data.id}` },
    handle: async ({ runtime, viewer, body }) => itemOf(await createTicket(runtime.services, viewer, body))
  }),

  get: defineApiRoute({
    method: "GET",
    ...hidden,
    tag: TAG,
    operationId: "getTicket",
    summary: "One ticket with its activity trail",
    etag: ticketEtag,
    success: { status: 200, description: "The ticket as you may see it", schema: ticketItemSchema },
    handle: async ({ runtime, viewer, id }) => itemOf(await getTicket(runtime.services, viewer, id))
  }),

  patch: defineApiRoute({
    method: "PATCH",
    ...hidden,
    tag: TAG,
    operationId: "updateTicket",
    summary: "Change status, priority, office or assignee",
    description: "Each present field is one change, checked and recorded on its own, all in one transaction.",
    rule: RULES.changeTickets,
    beforeBody: async ({ runtime, viewer, id }) => void (await getTicket(runtime.services, viewer, id)),
    body: ticketChangeSchema,
    ifMatch: true,
    etag: ticketEtag,
    errors: [{ status: 403, description: "a field you may not change (named in `fields`)" }, closed],
    success: { status: 200, description: "The changed ticket", schema: ticketItemSchema },
    handle: async ({ runtime, viewer, id, body, ifMatch }) =>
      itemOf(await updateTicket(runtime.services, viewer, id, { ...body, version: expectedVersion(ifMatch, body.version) }))
  }),

  replies: defineApiRoute({
    method: "GET",
    ...hidden,
    path: `${TICKETS_PATH}/{id}/replies`,
    tag: TAG,
    operationId: "listTicketReplies",
    summary: "The conversation, oldest first (internal notes for staff only)",
    query: replyListQuerySchema,
    success: { status: 200, description: "One page of replies", schema: pageSchemaOf(ticketReplyViewSchema) },
    handle: ({ runtime, viewer, id, query }) => listTicketReplies(runtime.services, viewer, id, query)
  }),

  reply: defineApiRoute({
    method: "POST",
    ...hidden,
    path: `${TICKETS_PATH}/{id}/replies`,
    tag: TAG,
    operationId: "replyToTicket",
    summary: "Reply, or add an internal note, with files",
    description: "`attachments`: up to 5 files, each `{ name, type, content }` with `content` the bytes in base64; 10 MB each, 20 MB together.",
    beforeBody: async ({ runtime, viewer, id }) => void (await getTicket(runtime.services, viewer, id)),
    body: replyCreateSchema.extend(apiFiles),
    maxBodyBytes: WITH_FILES_BODY_BYTES,
    errors: [{ status: 403, description: "a customer's internal note (`fields.internal`)" }, closed],
    success: { status: 201, description: "The reply", schema: dataSchemaOf(ticketReplyViewSchema) },
    handle: async ({ runtime, viewer, id, body }) => ({ data: await replyToTicket(runtime.services, viewer, id, body) })
  }),

  attachment: defineApiRoute({
    method: "GET",
    item: "attachment",
    path: "/api/v1/attachments/{id}",
    tag: TAG,
    operationId: "downloadAttachment",
    summary: "A file of a ticket, reply or internal note you may read (its ticket readable by you; a note's only by staff)",
    description: "`disposition=inline` shows a PNG, JPEG, GIF or WebP image rather than saving it; every other file is always a download.",
    query: attachmentQuerySchema,
    success: { status: 200, description: "The file in its media type" },
    handle: async ({ runtime, viewer, id, query }) => {
      const file = await readTicketAttachment(runtime.services, viewer, id);
      const disposition = query.disposition === "inline" && isPreviewableImage(file.contentType) ? "inline" : "attachment";
      return fileResponse({ fileName: file.name, contentType: file.contentType, content: file.content }, disposition);
    }
  })
};
