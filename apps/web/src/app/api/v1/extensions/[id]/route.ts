import type { NextRequest } from "next/server";
import { extensionItemApi } from "@/features/api/extensions-api";

type Context = { params: Promise<{ id: string }> };

export function GET(request: NextRequest, context: Context): Promise<Response> {
  return extensionItemApi.get(request, context);
}

export function PATCH(request: NextRequest, context: Context): Promise<Response> {
  return extensionItemApi.patch(request, context);
}

/** Full replacement of the writable fields (see docs/api.md). */
export function PUT(request: NextRequest, context: Context): Promise<Response> {
  return extensionItemApi.put(request, context);
}

export function DELETE(request: NextRequest, context: Context): Promise<Response> {
  return extensionItemApi.remove(request, context);
}
