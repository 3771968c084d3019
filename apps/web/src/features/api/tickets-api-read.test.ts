import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replyCreateSchema } from "@switchboard/contracts";
import { parseInput, replyToTicket, updateTicket } from "@switchboard/db";
import * as collection from "@/app/api/v1/tickets/route";
import * as item from "@/app/api/v1/tickets/[id]/route";
import * as replies from "@/app/api/v1/tickets/[id]/replies/route";
import { createApiTestEnv, type ApiTestEnv, type Auth } from "./testing/api-test-env";
import { apiRequest, idContext, readResponse, type SentResponse } from "./testing/api-request";
import { createTicketFixture, type TicketFixture } from "./testing/tickets-fixture";

let env: ApiTestEnv;
let fx: TicketFixture;
const ids: Record<string, string> = {};
const NOTE = "INTERNAL-NOTE do not show the customer";

beforeAll(async () => {
  env = await createApiTestEnv();
  fx = await createTicketFixture(env);
  ids.own = await fx.open(env.customer.viewer, { subject: "Own printer ticket" });
  ids.others = await fx.open(fx.otherCustomer.viewer, { subject: "Someone else's ticket" });
  ids.sales = await fx.open(env.supervisor.viewer, { subject: "Sales ticket", officeId: fx.salesId, customerId: env.customer.user.id });
  ids.foreign = await fx.open(env.otherAdmin.viewer, { subject: "Foreign ticket", officeId: null });
  await replyToTicket(env.runtime.services, env.agent.viewer, ids.own, parseInput(replyCreateSchema, { body: NOTE, internal: true }));
  await replyToTicket(env.runtime.services, env.agent.viewer, ids.own, parseInput(replyCreateSchema, { body: "We are looking into it" }));
  await updateTicket(env.runtime.services, env.supervisor.viewer, ids.own, { assigneeId: env.agent.user.id, priority: "high" });
});
afterAll(async () => {
  await env?.close();
});

const list = async (query = "", auth: Auth = env.admin.auth) => readResponse(await collection.GET(apiRequest("GET", `/api/v1/tickets${query}`, { auth })));
const getOne = async (id: string, auth: Auth = env.admin.auth) =>
  readResponse(await item.GET(apiRequest("GET", `/api/v1/tickets/${encodeURIComponent(id)}`, { auth }), idContext(id)));
const getReplies = async (id: string, auth: Auth = env.admin.auth, query = "") =>
  readResponse(await replies.GET(apiRequest("GET", `/api/v1/tickets/${encodeURIComponent(id)}/replies${query}`, { auth }), idContext(id)));
const subjects = (res: SentResponse) => res.body.data.map((t: { subject: string }) => t.subject).sort();

describe("authentication on /api/v1/tickets", () => {
  it("answers 401 on every route without valid credentials", async () => {
    const id = ids.own ?? "";
    for (const auth of [null, { token: "sbk_not-a-real-token-at-all-000000" }, { cookie: "next-auth.session-token=garbage" }] as Auth[]) {
      const responses = await Promise.all([
        collection.GET(apiRequest("GET", "/api/v1/tickets", { auth })),
        collection.POST(apiRequest("POST", "/api/v1/tickets", { auth, json: { subject: "x", body: "y" } })),
        item.GET(apiRequest("GET", `/api/v1/tickets/${id}`, { auth }), idContext(id)),
        item.PATCH(apiRequest("PATCH", `/api/v1/tickets/${id}`, { auth, json: { status: "closed" } }), idContext(id)),
        replies.GET(apiRequest("GET", `/api/v1/tickets/${id}/replies`, { auth }), idContext(id)),
        replies.POST(apiRequest("POST", `/api/v1/tickets/${id}/replies`, { auth, json: { body: "hi" } }), idContext(id))
      ]);
      for (const res of await Promise.all(responses.map(readResponse))) {
        expect(res.status).toBe(401);
        expect(res.body.error.code).toBe("unauthorized");
        expect(res.headers.get("www-authenticate")).toMatch(/^Bearer /);
      }
    }
  });
});

describe("GET /api/v1/tickets", () => {
  it("lists what each role may see, paged, newest change first by default", async () => {
    const admin = await list();
    expect(admin.status).toBe(200);
    expect(admin.headers.get("cache-control")).toBe("no-store");
    expect(admin.body).toMatchObject({ page: 1, pageSize: 50, total: 3 });
    expect(admin.text).not.toContain("Foreign ticket");
    expect(admin.body.data[0].id).toBe(ids.own);
    expect(subjects(await list("", env.agent.auth))).toEqual(["Own printer ticket", "Someone else's ticket"]);
    expect(subjects(await list("", fx.salesAgent.auth))).toEqual(["Sales ticket"]);
    expect(subjects(await list("", env.customer.auth))).toEqual(["Own printer ticket", "Sales ticket"]);
    expect(subjects(await list("", env.otherAdmin.auth))).toEqual(["Foreign ticket"]);
  });

  it("filters, searches and sorts", async () => {
    expect(subjects(await list("?priority=high"))).toEqual(["Own printer ticket"]);
    expect(subjects(await list(`?office=${fx.salesId}`))).toEqual(["Sales ticket"]);
    expect(subjects(await list("?assignee=me", env.agent.auth))).toEqual(["Own printer ticket"]);
    expect(subjects(await list("?mine=true", env.agent.auth))).toEqual(["Own printer ticket"]);
    expect(subjects(await list("?q=someone"))).toEqual(["Someone else's ticket"]);
    const sorted = await list("?sort=number&dir=asc&page=1&pageSize=2");
    expect(sorted.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(sorted.body.data.map((t: { number: number }) => t.number)).toEqual([1001, 1002]);
  });

  it("rejects an unknown status, unknown parameters and, for customers, staff-only filters (400)", async () => {
    const status = await list("?status=exploded");
    expect(status.status).toBe(400);
    expect(status.body.error.fields).toHaveProperty("status");
    const unknown = await list("?limit=5");
    expect(unknown.body.error.fields).toEqual({ limit: expect.stringContaining("unknown query parameter") });
    const customer = await list(`?assignee=${env.agent.user.id}`, env.customer.auth);
    expect(customer.status).toBe(400);
    expect(customer.body.error.fields).toHaveProperty("assignee");
  });
});

describe("GET /api/v1/tickets/{id} and /replies", () => {
  it("returns the ticket with its activity trail; staff see everything", async () => {
    const res = await getOne(ids.own ?? "", env.agent.auth);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: ids.own, view: "staff", assigneeId: env.agent.user.id, priority: "high", publicId: "T-1001" });
    expect(res.body.data.activity.map((a: { kind: string }) => a.kind)).toEqual(["created", "assigned", "priority_changed"]);
    const thread = await getReplies(ids.own ?? "", env.agent.auth);
    expect(thread.body).toMatchObject({ total: 2, page: 1 });
    expect(thread.text).toContain(NOTE);
  });

  it("answers 404 alike for another customer's, another office's, another organization's, unknown and malformed ids", async () => {
    const cases: [string, Auth][] = [
      [ids.others ?? "", env.customer.auth],
      [ids.sales ?? "", env.agent.auth],
      [ids.foreign ?? "", env.admin.auth],
      [ids.own ?? "", env.otherAdmin.auth],
      [randomUUID(), env.admin.auth],
      ["not-a-uuid", env.admin.auth]
    ];
    const bodies = new Set<string>();
    for (const [id, auth] of cases) {
      for (const res of [await getOne(id, auth), await getReplies(id, auth)]) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe("not_found");
        bodies.add(res.text);
      }
    }
    expect(bodies.size).toBe(1);
  });

  it("never shows a customer an internal note, internal activity or staff-only fields, on any endpoint", async () => {
    const responses = [await list("", env.customer.auth), await getOne(ids.own ?? "", env.customer.auth), await getReplies(ids.own ?? "", env.customer.auth)];
    for (const res of responses) {
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(NOTE);
      expect(res.text).not.toMatch(/"(assigneeId|officeId|priority|slaDueAt|revision)"/);
      expect(res.text).not.toMatch(/priority_changed|"assigned"/);
    }
    expect(responses[1]?.body.data).toMatchObject({ view: "customer", activity: [{ kind: "created" }] });
    expect(responses[2]?.body.data.map((r: { body: string }) => r.body)).toEqual(["We are looking into it"]);
  });

  it("validates the replies query", async () => {
    const res = await getReplies(ids.own ?? "", env.admin.auth, "?pageSize=0&after=1");
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(["after"]);
    const bad = await getReplies(ids.own ?? "", env.admin.auth, "?pageSize=0");
    expect(bad.body.error.fields).toHaveProperty("pageSize");
  });
});
