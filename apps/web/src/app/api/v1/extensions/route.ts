import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.listExtensions.handler;
export const POST = apiRoutes.createExtension.handler;
