import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { stampRequestHeaders } from "../client-ip";
import { stampTransportSecurity } from "./transport-security";

let server: Server | undefined;
afterEach(() => server?.close());

async function serve(trustProxy: boolean): Promise<string> {
  server = createServer((req, res) => {
    stampRequestHeaders(req, trustProxy);
    stampTransportSecurity(req, res);
    res.end("ok");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe("Strict-Transport-Security", () => {
  it("is sent only when a trusted proxy says the request came over TLS", async () => {
    const url = await serve(true);
    expect((await fetch(url, { headers: { "x-forwarded-proto": "https" } })).headers.get("strict-transport-security")).toBe(
      "max-age=31536000; includeSubDomains"
    );
    expect((await fetch(url, { headers: { "x-forwarded-proto": "http" } })).headers.get("strict-transport-security")).toBeNull();
    expect((await fetch(url)).headers.get("strict-transport-security")).toBeNull();
  });

  it("ignores a client's own X-Forwarded-Proto without a trusted proxy", async () => {
    const url = await serve(false);
    expect((await fetch(url, { headers: { "x-forwarded-proto": "https" } })).headers.get("strict-transport-security")).toBeNull();
  });
});
