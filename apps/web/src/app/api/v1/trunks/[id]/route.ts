import type { NextRequest } from "next/server";
import { trunkItemApi } from "@/features/api/trunks-api";

type Context = { params: Promise<{ id: string }> };

export function GET(request: NextRequest, context: Context): Promise<Response> {
  return trunkItemApi.get(request, context);
}

export function PATCH(request: NextRequest, context: Context): Promise<Response> {
  return trunkItemApi.patch(request, context);
}

/** Full replacement of the writable fields (see docs/api.md). */
export function PUT(request: NextRequest, context: Context): Promise<Response> {
  return trunkItemApi.put(request, context);
}

export function DELETE(request: NextRequest, context: Context): Promise<Response> {
  return trunkItemApi.remove(request, context);
}
