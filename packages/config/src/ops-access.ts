import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";

/** OPS_TOKEN: the bearer token that reads a process's /stats and /metrics. */
export const opsTokenSchema = z.string().min(16, "must be at least 16 characters (e.g. `openssl rand -hex 24`)");

const REALM = 'Bearer realm="switchboard-ops"';

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** Equal-length digests compared in constant time: neither the token nor its length leaks. */
function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

function refuse(res: ServerResponse, status: 401 | 403, message: string, challenge?: string): void {
  res.writeHead(status, {
    "content-type": "application/json",
    "cache-control": "no-store",
    ...(challenge ? { "www-authenticate": challenge } : {})
  });
  res.end(JSON.stringify({ error: message }));
}

/**
 * Whether a request may read operational counters (/stats, /metrics): they describe every
 * organization the process serves, so only the operator's `Authorization: Bearer <OPS_TOKEN>`
 * opens them. Without OPS_TOKEN they are closed. Answers the refusal itself and returns false.
 */
export function authorizeOpsRequest(req: IncomingMessage, res: ServerResponse, opsToken: string | undefined): boolean {
  if (!opsToken) {
    refuse(res, 403, "operational endpoints are closed: set OPS_TOKEN and send it as a Bearer token");
    return false;
  }
  const header = req.headers.authorization ?? "";
  const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header);
  if (!match?.[1]) {
    refuse(res, 401, "send `Authorization: Bearer <OPS_TOKEN>`", REALM);
    return false;
  }
  if (!sameToken(match[1], opsToken)) {
    refuse(res, 401, "the ops token is wrong", `${REALM}, error="invalid_token"`);
    return false;
  }
  return true;
}
