import type { NextRequest } from "next/server";
import { receivePbxWebhook } from "@/features/pbx-webhooks/receive-pbx-webhook";

type Context = { params: Promise<{ publicId: string }> };

export async function POST(request: NextRequest, context: Context): Promise<Response> {
  const { publicId } = await context.params;
  return receivePbxWebhook(request, publicId);
}
