import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.listTickets.handler;
export const POST = apiRoutes.createTicket.handler;
