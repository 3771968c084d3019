/** Every API response: never cached by browsers or proxies (views carry per-user data), never sniffed. */
const COMMON_HEADERS = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } as const;

export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { ...COMMON_HEADERS, "Content-Type": "application/json; charset=utf-8", ...init.headers }
  });
}

export function noContentResponse(): Response {
  return new Response(null, { status: 204, headers: COMMON_HEADERS });
}

/** `filename="…"` for old clients (ASCII, quotes and backslashes replaced) and `filename*` with the real name. */
function contentDisposition(disposition: "attachment" | "inline", fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A stored file as a download, never rendered as a document on this origin (a file's HTML or SVG
 * runs no script here), its type not sniffed; `inline` for an image an <img> shows.
 */
export function fileResponse(
  file: { fileName: string; contentType: string; content: Uint8Array },
  disposition: "attachment" | "inline" = "attachment"
): Response {
  return new Response(Buffer.from(file.content), {
    status: 200,
    headers: {
      ...COMMON_HEADERS,
      "Cache-Control": "private, no-store",
      "Content-Type": file.contentType,
      "Content-Disposition": contentDisposition(disposition, file.fileName),
      "Content-Security-Policy": "sandbox; default-src 'none'"
    }
  });
}
