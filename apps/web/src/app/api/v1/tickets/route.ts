import type { NextRequest } from "next/server";
import { ticketsApi } from "@/features/api/tickets-api";

export function GET(request: NextRequest): Promise<Response> {
  return ticketsApi.list(request);
}

export function POST(request: NextRequest): Promise<Response> {
  return ticketsApi.create(request);
}
