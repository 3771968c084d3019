import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.getUser.handler;
export const PATCH = apiRoutes.updateUser.handler;
