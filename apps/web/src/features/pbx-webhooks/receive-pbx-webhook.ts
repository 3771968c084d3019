import "server-only";
import type { NextRequest } from "next/server";
import { handlePbxWebhook, webhookHttpStatus } from "@switchboard/pbx";
import { ApiError, rateLimited } from "@/features/api/api-error";
import { getApiLogger } from "@/features/api/logger";
import { toErrorResponse } from "@/features/api/map-error";
import { readCapped } from "@/features/api/read-json-body";
import { jsonResponse } from "@/features/api/responses";
import { getRuntime } from "@/server/runtime";
import { countWebhookDelivery, getWebhookStats } from "./webhook-stats";

/** One PBX event is a few hundred bytes; anything near this is not a webhook delivery. */
const MAX_WEBHOOK_BYTES = 32 * 1024;

function describeFields(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
}

/**
 * POST /api/pbx/webhooks/{publicId}: a PBX pushing one signed event. The signature covers the raw
 * bytes, so the body is read as text (capped) and handed over untouched; handlePbxWebhook checks the
 * signature, replay window, body and idempotency. Answers use the API's error format.
 */
export async function receivePbxWebhook(request: NextRequest, publicId: string): Promise<Response> {
  try {
    // Before the body is read or the signature checked: a flooding PBX costs its own integration only.
    const allowed = await getRuntime().limits.consume("pbxWebhook", publicId);
    if (!allowed.ok) throw rateLimited(allowed.retryAfterSeconds);
    const bytes = await readCapped(request.body, MAX_WEBHOOK_BYTES);
    let raw: string;
    try {
      raw = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new ApiError(400, "bad_request", "request body is not valid UTF-8", { body: "must be UTF-8 JSON" });
    }
    const runtime = getRuntime();
    const result = await handlePbxWebhook({ db: runtime.db, box: runtime.box, log: getApiLogger(), stats: getWebhookStats() }, publicId, request.headers, raw);
    const status = webhookHttpStatus(result);
    countWebhookDelivery(result.kind);
    if (result.kind === "unauthorized" || result.kind === "not_found" || result.kind === "bad_request") {
      // Never the body or headers: they may carry a valid signature someone could replay.
      getApiLogger().info(
        { publicId, outcome: result.kind, reason: "reason" in result ? result.reason : undefined, fields: "fields" in result ? result.fields : undefined },
        "PBX webhook refused"
      );
    }
    switch (result.kind) {
      case "ok":
        return jsonResponse({ ok: true, eventId: result.eventId, outcome: result.outcome }, { status });
      case "duplicate":
        return jsonResponse({ ok: true, eventId: result.eventId, duplicate: true }, { status });
      case "unauthorized":
        throw new ApiError(status, "unauthorized", result.reason);
      case "not_found":
        throw new ApiError(status, "not_found", `no PBX webhook integration ${publicId}: ${result.reason}`);
      case "bad_request":
        throw new ApiError(status, "bad_request", `invalid webhook event — ${describeFields(result.fields)}`, result.fields);
    }
  } catch (error) {
    return toErrorResponse(error, getApiLogger, { method: request.method, path: request.nextUrl.pathname });
  }
}
