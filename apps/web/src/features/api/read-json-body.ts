import { invalidRequest, payloadTooLarge } from "./api-error";

/** Largest request body the API reads; an extension or trunk is well under 2 KB. */
export const MAX_BODY_BYTES = 64 * 1024;

function isJsonMediaType(contentType: string | null): boolean {
  const essence = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return essence === "application/json" || (essence.startsWith("application/") && essence.endsWith("+json"));
}

/**
 * Reads at most `limit` bytes and stops there, so an oversized (or endless, chunked) body costs no
 * more memory than the limit, whatever Content-Length claims.
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The path of the first string (value or key) holding a NUL, which PostgreSQL text cannot store. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${path}.${i}`);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes("\u0000")) return at;
      const found = findNul(item, at);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The JSON object a write request carries. Requiring application/json also keeps cookie-authenticated
 * writes safe from cross-site forms: browsers cannot send that type cross-origin without a CORS
 * preflight, which this API never grants.
 */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  if (!isJsonMediaType(request.headers.get("content-type"))) {
    throw invalidRequest("Content-Type must be application/json", { "content-type": "must be application/json" });
  }
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw payloadTooLarge(limit);

  const bytes = await readCapped(request.body, limit);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw invalidRequest("request body is not valid UTF-8");
  }
  if (!text.trim()) throw invalidRequest("request body is empty; send a JSON object");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalidRequest("request body is not valid JSON");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw invalidRequest("request body must be a JSON object");
  const nul = findNul(parsed, "");
  if (nul) throw invalidRequest("text must not contain NUL (\\u0000) characters", { [nul]: "must not contain NUL (\\u0000) characters" });
  return parsed as Record<string, unknown>;
}
