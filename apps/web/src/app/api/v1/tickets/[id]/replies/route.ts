import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.listTicketReplies.handler;
export const POST = apiRoutes.replyToTicket.handler;
