import type { NextRequest } from "next/server";
import { callControlApi } from "@/features/call-control/server/call-control-api";

type Context = { params: Promise<{ id: string }> };

export function POST(request: NextRequest, context: Context): Promise<Response> {
  return callControlApi.transfer(request, context);
}
