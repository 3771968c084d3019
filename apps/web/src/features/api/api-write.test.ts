import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiTestEnv, type ApiTestEnv } from "./testing/api-test-env";
import { apiRequest, idContext, readResponse } from "./testing/api-request";
import { resourceSpecs } from "./testing/resource-specs";

let env: ApiTestEnv;
beforeAll(async () => {
  env = await createApiTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe.each(resourceSpecs)("writes to $path", (spec) => {
  let n = 0;
  const post = async (body: unknown, auth = env.admin.auth) => readResponse(await spec.collection.POST(apiRequest("POST", spec.path, { auth, json: body })));
  const item = (method: "GET" | "PATCH" | "PUT" | "DELETE", id: string, options: Parameters<typeof apiRequest>[2] = {}) =>
    spec.item[method](apiRequest(method, `${spec.path}/${id}`, { auth: env.admin.auth, ...options }), idContext(id)).then(readResponse);
  const events = (subjectId: string) => env.testDb.database.client.outboxEvent.findMany({ where: { subjectId }, orderBy: { seq: "asc" } });
  async function created(auth = env.admin.auth) {
    const { body, secret } = spec.validBody(++n);
    const res = await post(body, auth);
    expect(res.status).toBe(201);
    return { id: res.body.data.id as string, body, secret, res };
  }

  it("creates (201, Location, no secret) and records an outbox event by the API user", async () => {
    const { id, body, secret, res } = await created();
    expect(res.headers.get("location")).toBe(`${spec.path}/${id}`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body.data).toMatchObject({ [spec.sortKey]: body[spec.sortKey] });
    expect(res.text).not.toContain(secret);
    expect(JSON.stringify(res.body.data)).toContain(`•${secret.slice(-2)}"`);
    expect((await item("GET", id)).body.data.id).toBe(id);
    const rows = await events(id);
    expect(rows.map((e) => e.type)).toEqual([`${spec.kind}.created`]);
    expect(rows[0]).toMatchObject({ organizationId: env.orgA.id, actorId: env.admin.user.id, actorName: env.admin.user.name, subjectKind: spec.kind });
    expect(JSON.stringify(rows[0]?.data)).not.toContain(secret);
  });

  it("accepts every writer role, by API token and by session cookie", async () => {
    for (const role of spec.writerRoles) {
      const user = role === "admin" ? env.admin : env.supervisor;
      const { id } = await created(user.cookie);
      const rows = await events(id);
      expect(rows[0]?.actorId).toBe(user.user.id);
      expect((await created(user.auth)).res.status).toBe(201);
    }
  });

  it("patches only the given fields and records who did it", async () => {
    const { id, body, secret } = await created();
    const res = await item("PATCH", id, { auth: env.admin.cookie, json: spec.patch });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ ...spec.patch, [spec.sortKey]: body[spec.sortKey] });
    expect(res.text).not.toContain(secret);
    const rows = await events(id);
    expect(rows.map((e) => e.type)).toEqual([`${spec.kind}.created`, `${spec.kind}.updated`]);
    expect(rows[1]?.actorId).toBe(env.admin.user.id);
    expect(Number(rows[1]?.seq)).toBeGreaterThan(Number(rows[0]?.seq));
  });

  it("replaces with PUT: omitted fields reset to defaults, an omitted secret is kept, a new one replaces it", async () => {
    const { id, body, secret } = await created();
    await item("PATCH", id, { json: spec.patch });
    const { [spec.secretKey]: _omitted, ...withoutSecret } = body;
    const kept = await item("PUT", id, { json: withoutSecret });
    expect(kept.status).toBe(200);
    expect(kept.body.data.transport).toBe("udp");
    expect(JSON.stringify(kept.body.data)).toContain(`•${secret.slice(-2)}"`);
    const next = spec.validBody(n).secret;
    const replaced = await item("PUT", id, { json: { ...withoutSecret, [spec.secretKey]: next } });
    expect(JSON.stringify(replaced.body.data)).toContain(`•${next.slice(-2)}"`);
    expect(replaced.text).not.toContain(next);
    const missing = await item("PUT", id, { json: { [spec.secretKey]: next } });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields)).toContain(spec.sortKey);
  });

  it("deletes (204, empty body), then 404s, with a deleted event", async () => {
    const { id } = await created();
    const res = await item("DELETE", id, { auth: env.admin.cookie });
    expect(res.status).toBe(204);
    expect(res.text).toBe("");
    expect((await item("GET", id)).status).toBe(404);
    expect((await item("DELETE", id)).status).toBe(404);
    const rows = await events(id);
    expect(rows.map((e) => [e.type, e.actorId])).toEqual([
      [`${spec.kind}.created`, env.admin.user.id],
      [`${spec.kind}.deleted`, env.admin.user.id]
    ]);
  });

  it("rejects malformed JSON, the wrong content type and non-object bodies with 400", async () => {
    const { id } = await created();
    const send = (body: string, type?: string) => {
      const options = { body, headers: type ? { "content-type": type } : undefined };
      return Promise.all([
        spec.collection.POST(apiRequest("POST", spec.path, { auth: env.admin.auth, ...options })).then(readResponse),
        item("PATCH", id, options)
      ]);
    };
    for (const res of await send('{"name": ', "application/json")) {
      expect(res.status).toBe(400);
      expect(res.body.error).toEqual({ code: "bad_request", message: "request body is not valid JSON" });
    }
    for (const type of ["text/plain", "application/x-www-form-urlencoded", undefined]) {
      for (const res of await send("{}", type)) {
        expect(res.status).toBe(400);
        expect(res.body.error.fields).toEqual({ "content-type": "must be application/json" });
      }
    }
    for (const body of ["[]", "null", "42", ""]) {
      for (const res of await send(body, "application/json")) expect(res.status).toBe(400);
    }
  });

  it("rejects an invalid body with 400 naming every failing field, and writes nothing", async () => {
    const before = await env.testDb.database.client.outboxEvent.count();
    const res = await post(spec.invalidBody);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("bad_request");
    expect(Object.keys(res.body.error.fields).sort()).toEqual([...spec.invalidFields].sort());
    const { id } = await created();
    const patched = await item("PATCH", id, { json: spec.invalidBody });
    expect(patched.status).toBe(400);
    expect(Object.keys(patched.body.error.fields).sort()).toEqual([...spec.invalidFields].sort());
    expect(await env.testDb.database.client.outboxEvent.count()).toBe(before + 1);
  });

  it("answers 409 with the clashing field for duplicates, on create and on update", async () => {
    const { body } = await created();
    for (const duplicate of spec.duplicates(n)) {
      const res = await post(duplicate.body);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe("conflict");
      expect(Object.keys(res.body.error.fields)).toEqual([duplicate.field]);
    }
    const other = await created();
    const res = await item("PATCH", other.id, { json: { [spec.sortKey]: body[spec.sortKey] } });
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toHaveProperty(spec.sortKey);
  });

  it("answers 413 for bodies over 64 KB: large, declared large, or endless", async () => {
    const big = { ...spec.validBody(++n).body, padding: "x".repeat(70 * 1024) };
    expect((await post(big)).status).toBe(413);
    const declared = apiRequest("POST", spec.path, { auth: env.admin.auth, json: {}, headers: { "content-length": String(10 * 1024 * 1024) } });
    expect((await readResponse(await spec.collection.POST(declared))).status).toBe(413);
    const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
    const endless = new ReadableStream<Uint8Array>({ pull: (controller) => controller.enqueue(chunk) });
    const res = await readResponse(
      await spec.collection.POST(apiRequest("POST", spec.path, { auth: env.admin.auth, body: endless, headers: { "content-type": "application/json" } }))
    );
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("bad_request");
  });

  it("forbids (403) read-only staff and customers from every write, and writes nothing", async () => {
    const { id, body } = await created();
    const before = await env.testDb.database.client.outboxEvent.count();
    const users = [...spec.readOnlyRoles.map((role) => (role === "agent" ? env.agent : env.supervisor)), env.customer];
    for (const user of users) {
      const results = [
        await post(spec.validBody(++n).body, user.auth),
        await item("PATCH", id, { auth: user.auth, json: spec.patch }),
        await item("PUT", id, { auth: user.auth, json: body }),
        await item("DELETE", id, { auth: user.auth })
      ];
      for (const res of results) {
        expect(res.status).toBe(403);
        expect(res.body.error.code).toBe("forbidden");
      }
    }
    expect(await env.testDb.database.client.outboxEvent.count()).toBe(before);
  });

  it("answers 404 to writes on an unknown id, another organization's id and a non-uuid, leaving the other row alone", async () => {
    const foreign = await spec.resource.create(env.runtime.services, env.otherAdmin.viewer, spec.validBody(++n).body);
    for (const id of ["6f1c2a7e-0000-4000-8000-000000000000", foreign.id, "not-a-uuid"]) {
      for (const method of ["PATCH", "PUT", "DELETE"] as const) {
        const res = await item(method, id, method === "DELETE" ? {} : { json: spec.validBody(++n).body });
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe("not_found");
      }
    }
    const after = await spec.resource.get(env.runtime.services, env.otherAdmin.viewer, foreign.id);
    expect(after).toEqual(foreign);
  });
});
