import { apiRoutes } from "@/features/api/api-routes";

export const PUT = apiRoutes.setOfficeMembers.handler;
