import type { Logger } from "pino";
import { z } from "zod";
import { getRuntime } from "@/server/runtime";
import { definePublicRoute } from "./api-route";
import { getApiLogger } from "./logger";
import { jsonResponse } from "./responses";

const HEALTH_TIMEOUT_MS = 3_000;

/** Runs the probe, failing it when it takes longer than `timeoutMs` (a hung pool must not hang the check). */
async function probeWithin(probe: () => Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`database did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** 200 when the probe (a `SELECT 1`) answers, else 503. Unauthenticated and free of details. */
export async function healthResponse(probe: () => Promise<unknown>, log: () => Logger, timeoutMs = HEALTH_TIMEOUT_MS): Promise<Response> {
  try {
    await probeWithin(probe, timeoutMs);
    return jsonResponse({ status: "ok", database: "ok" });
  } catch (error) {
    log().warn({ err: error }, "health check: database unreachable");
    return jsonResponse({ status: "error", database: "unreachable" }, { status: 503 });
  }
}

/** GET /api/v1/health against this process's database, through the raw (unhooked) client. */
export const healthRoute = definePublicRoute({
  method: "GET",
  path: "/api/v1/health",
  tag: "Service",
  operationId: "getHealth",
  summary: "Liveness and database check (no credentials)",
  description: "Runs `SELECT 1` with a 3-second timeout; the reason for a failure is logged, never returned.",
  success: { status: 200, description: "The database answers", schema: z.object({ status: z.literal("ok"), database: z.literal("ok") }) },
  errors: [{ status: 503, description: "The database did not answer", schema: z.object({ status: z.literal("error"), database: z.literal("unreachable") }) }],
  handle: () => healthResponse(() => getRuntime().database.raw.$queryRaw`SELECT 1`, getApiLogger)
});
