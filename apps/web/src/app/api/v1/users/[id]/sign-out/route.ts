import { apiRoutes } from "@/features/api/api-routes";

export const POST = apiRoutes.signOutEverywhere.handler;
