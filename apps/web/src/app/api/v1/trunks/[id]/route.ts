import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.getTrunk.handler;
export const PATCH = apiRoutes.updateTrunk.handler;
export const PUT = apiRoutes.replaceTrunk.handler;
export const DELETE = apiRoutes.deleteTrunk.handler;
