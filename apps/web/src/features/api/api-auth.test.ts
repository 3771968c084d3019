import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiToken, revokeApiToken } from "@switchboard/db";
import { createUser } from "@switchboard/db/seed";
import { createApiTestEnv, type ApiTestEnv, type Auth } from "./testing/api-test-env";
import { apiRequest, idContext, readResponse, type SentResponse } from "./testing/api-request";
import { resourceSpecs } from "./testing/resource-specs";

let env: ApiTestEnv;
beforeAll(async () => {
  env = await createApiTestEnv();
});
afterAll(async () => {
  await env?.close();
});

function expectUnauthorized(res: SentResponse) {
  expect(res.status).toBe(401);
  expect(res.body.error.code).toBe("unauthorized");
  expect(res.body.error.message).toEqual(expect.any(String));
  expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
  expect(res.headers.get("cache-control")).toBe("no-store");
}

describe.each(resourceSpecs)("authentication on $path", (spec) => {
  let id = "";
  beforeAll(async () => {
    id = (await spec.resource.create(env.runtime.services, env.admin.viewer, spec.validBody(1).body)).id;
  });

  /** Every route of the collection, called with the given credentials (and raw headers). */
  async function everyRoute(auth: Auth, headers: Record<string, string> = {}): Promise<SentResponse[]> {
    const at = (method: string, path: string, json?: unknown) => apiRequest(method, path, { auth, headers, json });
    const item = `${spec.path}/${id}`;
    return Promise.all([
      spec.collection.GET(at("GET", spec.path)),
      spec.collection.POST(at("POST", spec.path, spec.validBody(2).body)),
      spec.item.GET(at("GET", item), idContext(id)),
      spec.item.PATCH(at("PATCH", item, spec.patch), idContext(id)),
      spec.item.PUT(at("PUT", item, spec.validBody(3).body), idContext(id)),
      spec.item.DELETE(at("DELETE", item), idContext(id))
    ]).then((responses) => Promise.all(responses.map(readResponse)));
  }

  it("refuses requests without credentials (401, WWW-Authenticate: Bearer)", async () => {
    for (const res of await everyRoute(null)) expectUnauthorized(res);
  });

  it("refuses unknown, malformed and non-Bearer tokens", async () => {
    const unknown = `sbk_${randomBytes(32).toString("base64url")}`;
    for (const res of await everyRoute({ token: unknown })) {
      expectUnauthorized(res);
      expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
    }
    for (const res of await everyRoute({ token: "garbage" })) expectUnauthorized(res);
    for (const res of await everyRoute(null, { authorization: `Basic ${Buffer.from("admin:pw").toString("base64")}` })) expectUnauthorized(res);
    for (const res of await everyRoute(null, { authorization: "Bearer" })) expectUnauthorized(res);
  });

  it("refuses expired and revoked API tokens", async () => {
    const expired = await createApiToken(env.runtime.db, env.admin.viewer, { name: "expiring", expiresInDays: 1 });
    await env.runtime.db.apiToken.update({ where: { id: expired.view.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const res of await everyRoute({ token: expired.token })) expectUnauthorized(res);
    const revoked = await createApiToken(env.runtime.db, env.admin.viewer, { name: "revoked" });
    await revokeApiToken(env.runtime.db, env.admin.viewer, revoked.view.id);
    for (const res of await everyRoute({ token: revoked.token })) expectUnauthorized(res);
  });

  it("refuses forged, expired and garbled session cookies", async () => {
    const forged = await env.sessionCookie(env.admin.user, { secret: randomBytes(32).toString("base64url") });
    const expired = await env.sessionCookie(env.admin.user, { maxAgeSeconds: -60 });
    const garbled = ["next-auth.session-token=not-a-jwt", "next-auth.session-token=%E0%A4%A", "theme=%; next-auth.session-token=a.b.c.d.e"];
    for (const cookie of [forged, expired, ...garbled, "other-cookie=1"]) {
      for (const res of await everyRoute({ cookie })) expectUnauthorized(res);
    }
  });

  it("refuses the session of a user who has since been deleted", async () => {
    const gone = await createUser(env.runtime.db, env.orgA.id, { role: "admin" });
    const cookie = await env.sessionCookie(gone);
    expect((await readResponse(await spec.collection.GET(apiRequest("GET", spec.path, { auth: { cookie } })))).status).toBe(200);
    await env.runtime.db.user.delete({ where: { id: gone.id } });
    for (const res of await everyRoute({ cookie })) expectUnauthorized(res);
  });

  it("judges a request with a bad token on the token alone, even next to a valid cookie", async () => {
    const request = apiRequest("GET", spec.path, { auth: { token: "sbk_not-a-real-token-at-all-000000" }, headers: { cookie: env.admin.cookie.cookie } });
    expectUnauthorized(await readResponse(await spec.collection.GET(request)));
  });

  it("accepts an API token and a session cookie alike", async () => {
    for (const auth of [env.admin.auth, env.admin.cookie]) {
      const res = await readResponse(await spec.item.GET(apiRequest("GET", `${spec.path}/${id}`, { auth }), idContext(id)));
      expect(res.status).toBe(200);
      expect(res.body.data.id).toBe(id);
    }
  });

  it("takes the role from the database, not from the cookie's claims", async () => {
    // A cookie minted while the user was an admin; the user is an agent now.
    const demoted = await createUser(env.runtime.db, env.orgA.id, { role: "admin" });
    const cookie = await env.sessionCookie(demoted);
    await env.runtime.db.user.update({ where: { id: demoted.id }, data: { role: "agent" } });
    const res = await readResponse(await spec.collection.POST(apiRequest("POST", spec.path, { auth: { cookie }, json: spec.validBody(4).body })));
    expect(res.status).toBe(403);
  });
});
