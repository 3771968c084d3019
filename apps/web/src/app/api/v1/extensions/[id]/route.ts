import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.getExtension.handler;
export const PATCH = apiRoutes.updateExtension.handler;
export const PUT = apiRoutes.replaceExtension.handler;
export const DELETE = apiRoutes.deleteExtension.handler;
