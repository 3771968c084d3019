import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiTestEnv, type ApiTestEnv } from "./testing/api-test-env";
import { apiRequest, idContext, readResponse } from "./testing/api-request";
import { resourceSpecs } from "./testing/resource-specs";

/** G8 over REST: ETag is the version; If-Match (or the body's `version`) makes a change conditional; a stale one is 409. */

let env: ApiTestEnv;
beforeAll(async () => {
  env = await createApiTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe.each(resourceSpecs)("versions of $path", (spec) => {
  let n = 1000;
  type Method = "GET" | "PATCH" | "PUT" | "DELETE";
  const item = (method: Method, id: string, options: Parameters<typeof apiRequest>[2] = {}) =>
    spec.item[method](apiRequest(method, `${spec.path}/${id}`, { auth: env.admin.auth, ...options }), idContext(id)).then(readResponse);
  async function created() {
    const { body } = spec.validBody(++n);
    const res = await readResponse(await spec.collection.POST(apiRequest("POST", spec.path, { auth: env.admin.auth, json: body })));
    expect(res.status).toBe(201);
    return { id: res.body.data.id as string, body };
  }

  it("answers GET and changes with the version as a strong ETag", async () => {
    const { id } = await created();
    const read = await item("GET", id);
    expect([read.body.data.version, read.headers.get("etag")]).toEqual([1, '"1"']);
    const changed = await item("PATCH", id, { json: spec.patch });
    expect([changed.body.data.version, changed.headers.get("etag")]).toEqual([2, '"2"']);
  });

  it("applies a change whose If-Match is current, and refuses a stale one with 409, the current version and who changed it", async () => {
    const { id } = await created();
    // Another writer moves it to version 2 first.
    const other = spec.writerRoles.includes("supervisor") ? env.supervisor : env.admin;
    expect((await item("PATCH", id, { auth: other.auth, json: spec.patch, headers: { "if-match": '"1"' } })).status).toBe(200);
    const before = await item("GET", id);
    const stale = await item("PATCH", id, { json: { enabled: false }, headers: { "if-match": '"1"' } });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("etag")).toBe('"2"');
    expect(stale.body.error).toMatchObject({
      code: "conflict",
      current: { version: 2, changedBy: other.user.name },
      fields: { version: stale.body.error.message }
    });
    expect(stale.body.error.message).toMatch(/was changed by .* since you loaded it \(your version 1, now 2\)/);
    expect((await item("GET", id)).body.data).toEqual(before.body.data);
  });

  it("takes the version from the body too; both must agree; PUT and DELETE are conditional the same way", async () => {
    const { id, body } = await created();
    expect((await item("PATCH", id, { json: { ...spec.patch, version: 7 } })).status).toBe(409);
    const disagree = await item("PATCH", id, { json: { ...spec.patch, version: 1 }, headers: { "if-match": '"2"' } });
    expect([disagree.status, disagree.body.error.message]).toEqual([400, "If-Match (2) and version (1) disagree"]);
    expect((await item("PATCH", id, { json: { ...spec.patch, version: 1 } })).status).toBe(200);
    const { [spec.secretKey]: _secret, ...replace } = body;
    expect((await item("PUT", id, { json: replace, headers: { "if-match": '"1"' } })).status).toBe(409);
    expect((await item("PUT", id, { json: replace, headers: { "if-match": 'W/"2"' } })).status).toBe(200);
    expect((await item("DELETE", id, { headers: { "if-match": '"2"' } })).status).toBe(409);
    expect((await item("DELETE", id, { headers: { "if-match": '"3"' } })).status).toBe(204);
    const gone = await item("PATCH", id, { json: spec.patch, headers: { "if-match": '"3"' } });
    expect([gone.status, gone.body.error.message]).toEqual([404, `${spec.kind} not found`]);
  });

  it("treats a missing If-Match or * as no check, and refuses a malformed one naming the header", async () => {
    const { id } = await created();
    expect((await item("PATCH", id, { json: spec.patch, headers: { "if-match": "*" } })).status).toBe(200);
    expect((await item("PATCH", id, { json: spec.patch })).status).toBe(200);
    const bad = await item("PATCH", id, { json: spec.patch, headers: { "if-match": "3" } });
    expect([bad.status, bad.body.error.fields]).toEqual([400, { "If-Match": "not an ETag of this API" }]);
  });
});
