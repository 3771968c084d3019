import { canChangeTickets } from "@switchboard/auth";
import type { TicketDetail } from "@switchboard/contracts";
import {
  createTicket,
  forbidden,
  getTicket,
  listTicketReplies,
  listTickets,
  replyListQuerySchema,
  replyToTicket,
  TICKET_CHANGE_DENIED,
  ticketListQuerySchema,
  updateTicket
} from "@switchboard/db";
import { authenticated } from "./api-handler";
import { readJsonBody } from "./read-json-body";
import { readQuery } from "./read-query";
import type { ItemContext } from "./resource";
import { jsonResponse } from "./responses";

export const TICKETS_PATH = "/api/v1/tickets";
const LIST_KEYS = Object.keys(ticketListQuerySchema.shape);
const REPLY_LIST_KEYS = Object.keys(replyListQuerySchema.shape);

/** A ticket as the API returns it: the viewer's view of the ticket with its visible activity trail. */
function itemOf(detail: TicketDetail) {
  return { ...detail.ticket, activity: detail.activity };
}

/**
 * /api/v1/tickets and below. The services decide (policy, organization scope, validation); the
 * handlers only add the HTTP order of checks: 401, then 403 for a role that may never do this,
 * then 404 for a ticket the caller may not read (before a body is read), then the body.
 */
export const ticketsApi = {
  list: authenticated<void>(async (request, { runtime, viewer }) =>
    jsonResponse(await listTickets(runtime.services, viewer, readQuery(request.nextUrl.searchParams, LIST_KEYS)))
  ),

  create: authenticated<void>(async (request, { runtime, viewer }) => {
    const detail = await createTicket(runtime.services, viewer, await readJsonBody(request));
    return jsonResponse({ data: itemOf(detail) }, { status: 201, headers: { Location: `${TICKETS_PATH}/${detail.ticket.id}` } });
  }),

  get: authenticated<ItemContext>(async (_request, { runtime, viewer }, { params }) => {
    const { id } = await params;
    return jsonResponse({ data: itemOf(await getTicket(runtime.services, viewer, id)) });
  }),

  patch: authenticated<ItemContext>(async (request, { runtime, viewer }, { params }) => {
    const { id } = await params;
    if (!canChangeTickets(viewer)) throw forbidden(TICKET_CHANGE_DENIED);
    await getTicket(runtime.services, viewer, id);
    return jsonResponse({ data: itemOf(await updateTicket(runtime.services, viewer, id, await readJsonBody(request))) });
  }),

  replies: authenticated<ItemContext>(async (request, { runtime, viewer }, { params }) => {
    const { id } = await params;
    return jsonResponse(await listTicketReplies(runtime.services, viewer, id, readQuery(request.nextUrl.searchParams, REPLY_LIST_KEYS)));
  }),

  reply: authenticated<ItemContext>(async (request, { runtime, viewer }, { params }) => {
    const { id } = await params;
    await getTicket(runtime.services, viewer, id);
    return jsonResponse({ data: await replyToTicket(runtime.services, viewer, id, await readJsonBody(request)) }, { status: 201 });
  })
};
