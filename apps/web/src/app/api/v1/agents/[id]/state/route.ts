import { apiRoutes } from "@/features/api/api-routes";

export const POST = apiRoutes.changeAgentState.handler;
