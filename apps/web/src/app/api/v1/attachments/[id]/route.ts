import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.downloadAttachment.handler;
