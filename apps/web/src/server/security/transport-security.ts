import type { IncomingMessage, ServerResponse } from "node:http";

const HSTS = "max-age=31536000; includeSubDomains";

/**
 * HSTS only on responses that travelled over TLS: to a trusted proxy that says so (server.ts has
 * already dropped X-Forwarded-Proto from anyone else) or on a TLS socket. Over plain http it would
 * be ignored at best, and it must never pin a host that has no certificate.
 */
export function stampTransportSecurity(req: IncomingMessage, res: ServerResponse): void {
  const forwarded = req.headers["x-forwarded-proto"];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim().toLowerCase();
  const encrypted = "encrypted" in req.socket && req.socket.encrypted === true;
  if (proto === "https" || encrypted) res.setHeader("strict-transport-security", HSTS);
}
