import type { NextRequest } from "next/server";
import { trunkCollectionApi } from "@/features/api/trunks-api";

export function GET(request: NextRequest): Promise<Response> {
  return trunkCollectionApi.list(request);
}

export function POST(request: NextRequest): Promise<Response> {
  return trunkCollectionApi.create(request);
}
