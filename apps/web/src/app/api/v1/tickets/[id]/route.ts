import type { NextRequest } from "next/server";
import { ticketsApi } from "@/features/api/tickets-api";

type Context = { params: Promise<{ id: string }> };

export function GET(request: NextRequest, context: Context): Promise<Response> {
  return ticketsApi.get(request, context);
}

/** Status, priority, office and assignee; each present field is one checked change (see docs/api.md). */
export function PATCH(request: NextRequest, context: Context): Promise<Response> {
  return ticketsApi.patch(request, context);
}
