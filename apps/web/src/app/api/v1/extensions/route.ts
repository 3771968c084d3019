import type { NextRequest } from "next/server";
import { extensionCollectionApi } from "@/features/api/extensions-api";

export function GET(request: NextRequest): Promise<Response> {
  return extensionCollectionApi.list(request);
}

export function POST(request: NextRequest): Promise<Response> {
  return extensionCollectionApi.create(request);
}
