import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.getTicket.handler;
export const PATCH = apiRoutes.updateTicket.handler;
