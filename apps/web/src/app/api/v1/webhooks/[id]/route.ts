import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.getWebhook.handler;
export const PATCH = apiRoutes.updateWebhook.handler;
export const DELETE = apiRoutes.deleteWebhook.handler;
