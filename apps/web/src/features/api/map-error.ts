import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { ApiErrorBody } from "@switchboard/contracts";
import { DomainError } from "@switchboard/db";
import { ApiError } from "./api-error";
import { jsonResponse } from "./responses";

const DOMAIN_STATUS: Record<DomainError["code"], number> = {
  bad_request: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429
};

function isDomainError(error: unknown): error is DomainError {
  if (error instanceof DomainError) return true;
  // A second copy of @switchboard/db (Next's bundle next to server.ts) has its own class.
  return (
    error instanceof Error && error.name === "DomainError" && typeof (error as DomainError).code === "string" && (error as DomainError).code in DOMAIN_STATUS
  );
}

function errorResponse(status: number, error: ApiErrorBody["error"], headers?: Record<string, string>): Response {
  const body: ApiErrorBody = { error: error.fields && Object.keys(error.fields).length ? error : { code: error.code, message: error.message } };
  return jsonResponse(body, { status, headers });
}

/**
 * The one translation from anything a handler throws to an HTTP response. Expected failures keep
 * their message and fields; anything else is logged with its stack and answered with a generic
 * message and a reference to find the log line — never the error itself.
 */
export function toErrorResponse(error: unknown, log: () => Logger, request?: { method: string; path: string }): Response {
  if (error instanceof ApiError) {
    return errorResponse(error.status, { code: error.code, message: error.message, fields: error.fields }, error.headers);
  }
  if (isDomainError(error)) {
    return errorResponse(DOMAIN_STATUS[error.code], { code: error.code, message: error.message, fields: error.fields });
  }
  const reference = randomUUID();
  log().error({ err: error, reference, ...request }, "unhandled error in REST API");
  return errorResponse(500, { code: "internal", message: `internal error (reference ${reference})` });
}
