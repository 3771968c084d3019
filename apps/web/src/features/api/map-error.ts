import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { ApiErrorBody } from "@switchboard/contracts";
import { DomainError, isStaleVersionError } from "@switchboard/db";
import { ApiError } from "./api-error";
import { etagOf } from "./if-match";
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
  const { fields, current, ...rest } = error;
  const body: ApiErrorBody = { error: { ...rest, ...(fields && Object.keys(fields).length ? { fields } : {}), ...(current ? { current } : {}) } };
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
  if (isStaleVersionError(error)) {
    // G8: the entity moved on; the answer says to which version (also as its ETag) and who moved it.
    const { current } = error;
    return errorResponse(409, { code: "conflict", message: error.message, fields: error.fields, current }, { ETag: etagOf(current.version) });
  }
  if (isDomainError(error)) {
    return errorResponse(DOMAIN_STATUS[error.code], { code: error.code, message: error.message, fields: error.fields });
  }
  const reference = randomUUID();
  log().error({ err: error, reference, ...request }, "unhandled error in REST API");
  return errorResponse(500, { code: "internal", message: `internal error (reference ${reference})` });
}
