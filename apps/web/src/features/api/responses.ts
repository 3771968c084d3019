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
