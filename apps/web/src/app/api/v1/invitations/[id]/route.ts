import { apiRoutes } from "@/features/api/api-routes";

export const DELETE = apiRoutes.revokeInvitation.handler;
