import type { NextRequest } from "next/server";
import { ticketsApi } from "@/features/api/tickets-api";

type Context = { params: Promise<{ id: string }> };

export function GET(request: NextRequest, context: Context): Promise<Response> {
  return ticketsApi.replies(request, context);
}

export function POST(request: NextRequest, context: Context): Promise<Response> {
  return ticketsApi.reply(request, context);
}
