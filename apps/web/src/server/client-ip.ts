import type { IncomingMessage } from "node:http";

/** Set by server.ts on every request it hands to Next; anything a client sends under it is dropped. */
export const CLIENT_IP_HEADER = "x-switchboard-client-ip";

/**
 * The address login throttling counts against. X-Forwarded-For is believed only behind a proxy we
 * trust, and then only its last entry: the one that proxy appended, which a client cannot forge.
 */
export function resolveClientIp(req: Pick<IncomingMessage, "headers" | "socket">, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers["x-forwarded-for"];
    const list = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",");
    const last = list
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
    if (last) return last;
  }
  return req.socket.remoteAddress ?? "unknown";
}

/**
 * Rewrites the headers Next (and next-auth) will read: the client IP from the socket, and, unless a
 * trusted proxy set them, no client-supplied X-Forwarded-* (next-auth derives its origin from them).
 */
export function stampRequestHeaders(req: IncomingMessage, trustProxy: boolean): void {
  const ip = resolveClientIp(req, trustProxy);
  if (!trustProxy) {
    delete req.headers["x-forwarded-for"];
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
    delete req.headers["x-forwarded-port"];
  }
  req.headers[CLIENT_IP_HEADER] = ip;
}
