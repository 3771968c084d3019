import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.listTrunks.handler;
export const POST = apiRoutes.createTrunk.handler;
