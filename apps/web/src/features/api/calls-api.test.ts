import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtensionRow } from "@switchboard/db/seed";
import * as collection from "@/app/api/v1/calls/route";
import * as item from "@/app/api/v1/calls/[id]/route";
import { createApiTestEnv, type ApiTestEnv, type Auth } from "./testing/api-test-env";
import { apiRequest, idContext, readResponse } from "./testing/api-request";

let env: ApiTestEnv;
const ids: Record<string, string> = {};

async function addCall(
  orgId: string,
  key: string,
  data: { state: "ringing" | "answered" | "ended"; result?: "answered" | "missed"; extensionIds?: string[]; minutesAgo: number }
) {
  const startedAt = new Date(Date.now() - data.minutesAgo * 60_000);
  const row = await env.runtime.db.call.create({
    data: {
      organizationId: orgId,
      pbxCallId: `${key}-${randomUUID()}`,
      direction: "inbound",
      state: data.state,
      result: data.result ?? null,
      fromNumber: "+15550001111",
      fromName: key === "ringing" ? "Rita Ringer" : null,
      toNumber: "101",
      extensionIds: data.extensionIds ?? [],
      startedAt,
      events: {
        create: [
          { organizationId: orgId, kind: "started", at: startedAt, detail: "Call from +15550001111" },
          { organizationId: orgId, kind: "ringing", at: new Date(startedAt.getTime() + 1000), detail: "101 ringing", party: "101" }
        ]
      }
    }
  });
  ids[key] = row.id;
}

beforeAll(async () => {
  env = await createApiTestEnv();
  const e101 = await createExtensionRow(env.runtime.db, env.runtime.box, env.orgA.id, "101");
  await addCall(env.orgA.id, "ringing", { state: "ringing", extensionIds: [e101.id], minutesAgo: 1 });
  await addCall(env.orgA.id, "missed", { state: "ended", result: "missed", minutesAgo: 5 });
  await addCall(env.orgA.id, "answered", { state: "ended", result: "answered", extensionIds: [e101.id], minutesAgo: 10 });
  await addCall(env.orgB.id, "foreign", { state: "answered", minutesAgo: 1 });
});
afterAll(async () => {
  await env?.close();
});

const list = async (query = "", auth: Auth = env.agent.auth) => readResponse(await collection.GET(apiRequest("GET", `/api/v1/calls${query}`, { auth })));
const getOne = async (id: string, auth: Auth = env.agent.auth) =>
  readResponse(await item.GET(apiRequest("GET", `/api/v1/calls/${encodeURIComponent(id)}`, { auth }), idContext(id)));
const keys = (body: { data: { id: string }[] }) => body.data.map((c) => Object.entries(ids).find(([, v]) => v === c.id)?.[0]);

describe("GET /api/v1/calls", () => {
  it("answers 401 without credentials and 403 to customers", async () => {
    for (const res of [await list("", null), await getOne(ids.ringing ?? "", null)]) {
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthorized");
    }
    for (const res of [await list("", env.customer.auth), await getOne(ids.ringing ?? "", env.customer.auth)]) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe("your role cannot see calls");
    }
  });

  it("lists the organization's calls newest first, paged, with filters", async () => {
    const all = await list();
    expect(all.status).toBe(200);
    expect(all.headers.get("cache-control")).toBe("no-store");
    expect(all.body).toMatchObject({ page: 1, pageSize: 25, total: 3 });
    expect(keys(all.body)).toEqual(["ringing", "missed", "answered"]);
    expect(all.body.data[0]).toMatchObject({ state: "ringing", fromName: "Rita Ringer", result: null, endedAt: null });
    expect(keys((await list("?state=ended&result=missed")).body)).toEqual(["missed"]);
    expect(keys((await list("?extension=101")).body)).toEqual(["ringing", "answered"]);
    expect(keys((await list("?state=live")).body)).toEqual(["ringing"]);
    const paged = await list("?page=2&pageSize=2");
    expect(paged.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(keys(paged.body)).toEqual(["answered"]);
    expect(keys((await list("", env.otherAdmin.auth)).body)).toEqual(["foreign"]);
  });

  it("answers 400 naming the field for bad filters and unknown parameters", async () => {
    const cases: [string, string][] = [
      ["?direction=sideways", "direction"],
      ["?result=exploded", "result"],
      ["?from=soon", "from"],
      ["?from=2026-02-01&to=2026-01-01", "to"],
      ["?pageSize=500", "pageSize"],
      ["?extension=999", "extension"],
      ["?limit=5", "limit"]
    ];
    for (const [query, field] of cases) {
      const res = await list(query);
      expect(res.status, query).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual([field]);
    }
  });
});

describe("GET /api/v1/calls/{id}", () => {
  it("returns the call with its timeline and the extensions it names", async () => {
    const res = await getOne(ids.ringing ?? "");
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: ids.ringing, state: "ringing", trunk: null, extensions: [{ number: "101", displayName: "Desk 101" }] });
    expect(res.body.data.timeline.map((e: { kind: string }) => e.kind)).toEqual(["started", "ringing"]);
    expect(res.body.data.timeline[1]).toMatchObject({ detail: "101 ringing", party: "101" });
  });

  it("answers 404 alike for another organization's, unknown and malformed ids", async () => {
    const bodies = new Set<string>();
    for (const id of [ids.foreign ?? "", randomUUID(), "not-a-uuid"]) {
      const res = await getOne(id);
      expect(res.status).toBe(404);
      bodies.add(JSON.stringify(res.body.error));
    }
    expect(bodies.size).toBe(1);
  });
});
