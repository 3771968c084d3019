import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.getOffice.handler;
export const PATCH = apiRoutes.renameOffice.handler;
export const DELETE = apiRoutes.deleteOffice.handler;
