import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, createNonce } from "./content-security-policy";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split("; ").map((d) => {
      const [name = "", ...values] = d.split(" ");
      return [name, values];
    })
  );
}

describe("Content-Security-Policy", () => {
  it("runs scripts only with the response's nonce and allows the realtime node's origin over http and ws", () => {
    const nonce = createNonce();
    const csp = directives(buildContentSecurityPolicy({ nonce, dev: false, realtimeUrl: "http://127.0.0.1:4100/", https: false }));
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(csp.get("connect-src")).toEqual(["'self'", "http://127.0.0.1:4100", "ws://127.0.0.1:4100"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("uses wss for an https realtime node, upgrades subresources over TLS, and allows eval only in development", () => {
    const csp = directives(buildContentSecurityPolicy({ nonce: "n", dev: true, realtimeUrl: "https://rt.example.com", https: true }));
    expect(csp.get("connect-src")).toEqual(["'self'", "https://rt.example.com", "wss://rt.example.com"]);
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.has("upgrade-insecure-requests")).toBe(true);
    expect(directives(buildContentSecurityPolicy({ nonce: "n", dev: false, realtimeUrl: undefined, https: false })).get("connect-src")).toEqual(["'self'"]);
  });

  it("makes a different nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
