import type { ApiErrorCode } from "@switchboard/contracts";

/**
 * A failure of the HTTP exchange itself (credentials, body, query string). Failures of the
 * operation stay DomainError from @switchboard/db; map-error.ts turns both into responses.
 */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: ApiErrorCode,
    message: string,
    public readonly fields?: Record<string, string>,
    public readonly headers?: Record<string, string>
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** RFC 6750: a 401 names the scheme; `invalid_token` tells a client that retrying the same token is pointless. */
export function unauthorized(message: string, bearerError?: "invalid_request" | "invalid_token"): ApiError {
  const challenge = bearerError ? `Bearer realm="switchboard", error="${bearerError}"` : `Bearer realm="switchboard"`;
  return new ApiError(401, "unauthorized", message, undefined, { "WWW-Authenticate": challenge });
}

export function invalidRequest(message: string, fields?: Record<string, string>): ApiError {
  return new ApiError(400, "bad_request", message, fields);
}

// The contract has no code of its own for this; the 413 status is what tells it apart.
export function payloadTooLarge(limitBytes: number): ApiError {
  return new ApiError(413, "bad_request", `request body is larger than ${Math.round(limitBytes / 1024)} KB`);
}

export function rateLimited(retryAfterSeconds: number): ApiError {
  return new ApiError(429, "rate_limited", `too many requests: try again in ${retryAfterSeconds} s`, undefined, { "Retry-After": String(retryAfterSeconds) });
}
