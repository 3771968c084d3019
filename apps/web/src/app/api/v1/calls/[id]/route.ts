import type { NextRequest } from "next/server";
import { callsApi } from "@/features/api/calls-api";

type Context = { params: Promise<{ id: string }> };

/** One call with its timeline, the extensions and the trunk it names. */
export function GET(request: NextRequest, context: Context): Promise<Response> {
  return callsApi.get(request, context);
}
