import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.listUsers.handler;
export const POST = apiRoutes.createCustomer.handler;
