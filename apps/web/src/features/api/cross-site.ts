import { ApiError } from "./api-error";

function isJsonMediaType(contentType: string | null): boolean {
  const essence = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return essence === "application/json" || (essence.startsWith("application/") && essence.endsWith("+json"));
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * A cookie-authenticated POST without a body (hang up, sign out everywhere, rotate a secret) could
 * be sent by any site's form or `fetch(…, { mode: "no-cors" })` with the user's SameSite=Lax cookie
 * on a top-level navigation. Only POST needs this: other write methods always need a CORS preflight
 * cross-site, which this API never grants. A JSON content type needs that preflight too, so it
 * passes; otherwise the browser's Origin (or Sec-Fetch-Site) must say the page is ours.
 */
export function assertNotCrossSite(request: Request, ownHost: string): void {
  if (request.method !== "POST" || request.headers.has("authorization")) return;
  if (isJsonMediaType(request.headers.get("content-type"))) return;
  if (request.headers.get("sec-fetch-site") === "same-origin") return;
  const origin = request.headers.get("origin");
  if (origin && originHost(origin) === ownHost) return;
  throw new ApiError(
    403,
    "forbidden",
    "cross-site request refused: send `Content-Type: application/json` or call from the console's own origin (or use an API token)"
  );
}
