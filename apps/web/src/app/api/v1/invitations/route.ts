import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.listInvitations.handler;
export const POST = apiRoutes.createInvitation.handler;
