import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, resolveClientIp, stampRequestHeaders } from "./client-ip";

function request(headers: Record<string, string>, remoteAddress = "10.0.0.9"): IncomingMessage {
  return { headers: { ...headers }, socket: { remoteAddress } } as unknown as IncomingMessage;
}

describe("resolveClientIp", () => {
  it("uses the socket address unless a proxy is trusted", () => {
    expect(resolveClientIp(request({ "x-forwarded-for": "1.2.3.4" }), false)).toBe("10.0.0.9");
  });
  it("behind a trusted proxy takes the entry that proxy appended (the last), not a client-forged first one", () => {
    expect(resolveClientIp(request({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), true)).toBe("203.0.113.7");
    expect(resolveClientIp(request({}), true)).toBe("10.0.0.9");
  });
});

describe("stampRequestHeaders", () => {
  it("replaces a client-sent client-ip header and drops untrusted forwarding headers", () => {
    const req = request({ [CLIENT_IP_HEADER]: "1.1.1.1", "x-forwarded-host": "evil.test", "x-forwarded-proto": "https" });
    stampRequestHeaders(req, false);
    expect(req.headers[CLIENT_IP_HEADER]).toBe("10.0.0.9");
    expect(req.headers["x-forwarded-host"]).toBeUndefined();
    expect(req.headers["x-forwarded-proto"]).toBeUndefined();
  });
  it("keeps a trusted proxy's forwarding headers", () => {
    const req = request({ "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "https" });
    stampRequestHeaders(req, true);
    expect(req.headers[CLIENT_IP_HEADER]).toBe("203.0.113.7");
    expect(req.headers["x-forwarded-proto"]).toBe("https");
  });
});
