import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { authorizeOpsRequest } from "./ops-access";

const TOKEN = "ops-token-for-tests-0123456789";
let server: Server | undefined;

async function serve(opsToken: string | undefined): Promise<string> {
  server = createServer((req, res) => {
    if (authorizeOpsRequest(req, res, opsToken)) res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/stats`;
}

afterEach(() => {
  server?.close();
  server = undefined;
});

describe("authorizeOpsRequest", () => {
  it("answers only the configured bearer token", async () => {
    const url = await serve(TOKEN);
    expect((await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);

    const missing = await fetch(url);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="switchboard-ops"');
    expect(await missing.json()).toEqual({ error: "send `Authorization: Bearer <OPS_TOKEN>`" });

    for (const authorization of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, "Bearer x"]) {
      const wrong = await fetch(url, { headers: { authorization } });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
    for (const authorization of [`Basic ${TOKEN}`, TOKEN, `Bearer  ${TOKEN}`, "Bearer "]) {
      expect((await fetch(url, { headers: { authorization } })).status).toBe(401);
    }
  });

  it("keeps the endpoints closed when no OPS_TOKEN is configured", async () => {
    const url = await serve(undefined);
    const closed = await fetch(url, { headers: { authorization: "Bearer anything-at-all-here" } });
    expect(closed.status).toBe(403);
    expect(await closed.json()).toEqual({ error: "operational endpoints are closed: set OPS_TOKEN and send it as a Bearer token" });
  });
});
