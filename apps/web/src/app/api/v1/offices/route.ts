import { apiRoutes } from "@/features/api/api-routes";

export const GET = apiRoutes.listOffices.handler;
export const POST = apiRoutes.createOffice.handler;
