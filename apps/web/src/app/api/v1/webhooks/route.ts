import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.listWebhooks.handler;
export const POST = apiRoutes.createWebhook.handler;
