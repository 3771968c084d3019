import type { NextRequest } from "next/server";
import { callsApi } from "@/features/api/calls-api";

export function GET(request: NextRequest): Promise<Response> {
  return callsApi.list(request);
}
