import { randomUUID } from "node:crypto";
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

describe.each(resourceSpecs)("GET $path", (spec) => {
  const secrets: string[] = [];
  const ids: string[] = [];
  let otherOrgId = "";
  const keyOf = (view: Record<string, string>) => view[spec.sortKey];

  beforeAll(async () => {
    // Five rows in org A (odd ones on tcp, the fifth disabled), one in org B with the same key.
    for (let n = 1; n <= 5; n++) {
      const { body, secret } = spec.validBody(n);
      secrets.push(secret);
      const view = await spec.resource.create(env.runtime.services, env.admin.viewer, { ...body, transport: n % 2 ? "tcp" : "udp", enabled: n !== 5 });
      ids.push(view.id);
    }
    otherOrgId = (await spec.resource.create(env.runtime.services, env.otherAdmin.viewer, spec.validBody(1).body)).id;
  });

  const list = async (query = "", auth = env.admin.auth) => readResponse(await spec.collection.GET(apiRequest("GET", `${spec.path}${query}`, { auth })));

  it("lists the organization's rows with default paging, sorted ascending, without secrets", async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.body).toMatchObject({ page: 1, pageSize: 50, total: 5 });
    expect(res.body.data.map((v: { id: string }) => v.id).sort()).toEqual([...ids].sort());
    expect(res.body.data.map(keyOf)).toEqual([...res.body.data.map(keyOf)].sort());
    expect(res.text).not.toContain(otherOrgId);
    for (const secret of secrets) expect(res.text).not.toContain(secret);
  });

  it("pages and sorts", async () => {
    const all = (await list(`?sort=${spec.sortKey}&dir=desc`)).body.data.map(keyOf);
    const res = await list(`?sort=${spec.sortKey}&dir=desc&page=2&pageSize=2`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    expect(res.body.data.map(keyOf)).toEqual(all.slice(2, 4));
    const last = await list("?page=3&pageSize=2");
    expect(last.body.data).toHaveLength(1);
    expect((await list("?page=9&pageSize=2")).body).toMatchObject({ data: [], total: 5 });
  });

  it("filters by transport and enabled, and searches with q", async () => {
    const tcp = await list("?transport=tcp");
    expect(tcp.body.total).toBe(3);
    expect(tcp.body.data.every((v: { transport: string }) => v.transport === "tcp")).toBe(true);
    const disabled = await list("?enabled=false");
    expect(disabled.body.data.map((v: { id: string }) => v.id)).toEqual([ids[4]]);
    const third = String(spec.validBody(3).body[spec.sortKey]);
    const found = await list(`?q=${encodeURIComponent(third)}`);
    expect(found.body.data.map(keyOf)).toContain(third);
    expect(found.body.total).toBe(1);
  });

  it("lets read-only staff read, through a session cookie too", async () => {
    expect((await list("", env.agent.auth)).status).toBe(200);
    expect((await list("", env.agent.cookie)).body.total).toBe(5);
  });

  it("gets one row by id, with a secret hint and never the secret", async () => {
    const id = ids[0] ?? "";
    const res = await readResponse(await spec.item.GET(apiRequest("GET", `${spec.path}/${id}`, { auth: env.admin.auth }), idContext(id)));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body.data).toMatchObject({ id, [spec.sortKey]: spec.validBody(1).body[spec.sortKey] });
    expect(JSON.stringify(res.body.data)).toMatch(/"(sipSecretHint|secretHint)":"•+.{2}"/);
    expect(res.text).not.toContain(secrets[0]);
  });

  it("answers 404 alike for an unknown id, another organization's id and a non-uuid", async () => {
    const bodies = [];
    for (const id of [randomUUID(), otherOrgId, "not-a-uuid", "1 OR 1=1"]) {
      const res = await readResponse(await spec.item.GET(apiRequest("GET", `${spec.path}/${encodeURIComponent(id)}`, { auth: env.admin.auth }), idContext(id)));
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
      bodies.push(res.text);
    }
    // Same answer whether the row exists elsewhere or not at all: existence is never revealed.
    expect(new Set(bodies).size).toBe(1);
  });

  it("forbids customers from reading (403)", async () => {
    const listed = await list("", env.customer.auth);
    expect(listed.status).toBe(403);
    expect(listed.body.error.code).toBe("forbidden");
    const id = ids[0] ?? "";
    const one = await readResponse(await spec.item.GET(apiRequest("GET", `${spec.path}/${id}`, { auth: env.customer.auth }), idContext(id)));
    expect(one.status).toBe(403);
    expect(one.text).not.toContain(secrets[0]);
  });

  it.each([
    ["?page=0", "page"],
    ["?page=abc", "page"],
    ["?pageSize=1000", "pageSize"],
    ["?sort=secret", "sort"],
    ["?dir=sideways", "dir"],
    ["?transport=fax", "transport"],
    ["?enabled=maybe", "enabled"],
    ["?colour=red", "colour"],
    ["?page=1&page=2", "page"]
  ])("rejects the query %s with 400 naming %s", async (query, field) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("bad_request");
    expect(Object.keys(res.body.error.fields)).toContain(field);
  });
});
