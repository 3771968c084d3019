import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as collection from "@/app/api/v1/tickets/route";
import * as item from "@/app/api/v1/tickets/[id]/route";
import * as replies from "@/app/api/v1/tickets/[id]/replies/route";
import { createApiTestEnv, type ApiTestEnv, type Auth } from "./testing/api-test-env";
import { apiRequest, idContext, readResponse } from "./testing/api-request";
import { createTicketFixture, type TicketFixture } from "./testing/tickets-fixture";

let env: ApiTestEnv;
let fx: TicketFixture;

beforeAll(async () => {
  env = await createApiTestEnv();
  fx = await createTicketFixture(env);
});
afterAll(async () => {
  await env?.close();
});

const create = async (json: unknown, auth: Auth = env.customer.auth) =>
  readResponse(await collection.POST(apiRequest("POST", "/api/v1/tickets", { auth, json })));
const patch = async (id: string, json: unknown, auth: Auth = env.agent.auth) =>
  readResponse(await item.PATCH(apiRequest("PATCH", `/api/v1/tickets/${id}`, { auth, json }), idContext(id)));
const reply = async (id: string, json: unknown, auth: Auth = env.agent.auth, headers?: Record<string, string>) =>
  readResponse(await replies.POST(apiRequest("POST", `/api/v1/tickets/${id}/replies`, { auth, json, headers }), idContext(id)));
/** Everything a rejected request must not have written. */
const written = async () => {
  const db = env.testDb.database.client;
  return {
    events: await db.outboxEvent.count(),
    tickets: await db.ticket.count(),
    replies: await db.ticketReply.count(),
    activity: await db.ticketActivity.count()
  };
};

describe("POST /api/v1/tickets", () => {
  it("opens a ticket for the customer (201, Location, customer view) and announces it", async () => {
    const res = await create({ subject: "VPN phone offline", body: "Since the update", officeId: fx.supportId, category: "Hardware" });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`/api/v1/tickets/${res.body.data.id}`);
    expect(res.body.data).toMatchObject({
      view: "customer",
      status: "open",
      subject: "VPN phone offline",
      customerId: env.customer.user.id,
      activity: [{ kind: "created" }]
    });
    const events = await env.testDb.database.client.outboxEvent.findMany({ where: { subjectId: res.body.data.id } });
    expect(events.map((e) => [e.type, e.actorId])).toEqual([["ticket.created", env.customer.user.id]]);
  });

  it("lets staff open a ticket on a customer's behalf with priority and assignee", async () => {
    const res = await create(
      {
        subject: "Called in: echo",
        body: "Echo on line 2",
        customerId: env.customer.user.id,
        priority: "urgent",
        officeId: fx.supportId,
        assigneeId: env.agent.user.id
      },
      env.supervisor.auth
    );
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      view: "staff",
      priority: "urgent",
      assigneeId: env.agent.user.id,
      customerId: env.customer.user.id,
      createdById: env.supervisor.user.id
    });
  });

  it("answers 403 to a customer setting staff-only fields, 400 to bad bodies, and writes nothing", async () => {
    const before = await written();
    const staffOnly = await create({ subject: "x", body: "y", priority: "urgent", assigneeId: env.agent.user.id });
    expect(staffOnly.status).toBe(403);
    expect(Object.keys(staffOnly.body.error.fields).sort()).toEqual(["assigneeId", "priority"]);
    const invalid = await create({ subject: "", priority: "whenever", colour: "red" }, env.admin.auth);
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(["body", "colour", "priority", "subject"]);
    const outside = await create({ subject: "x", body: "y", officeId: fx.supportId, assigneeId: fx.salesAgent.user.id }, env.admin.auth);
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields).toEqual({ assigneeId: "not a member of the ticket's office" });
    const notJson = await readResponse(
      await collection.POST(apiRequest("POST", "/api/v1/tickets", { auth: env.customer.auth, body: "{", headers: { "content-type": "application/json" } }))
    );
    expect(notJson.body.error).toEqual({ code: "bad_request", message: "request body is not valid JSON" });
    expect((await create({ subject: "x", body: "y".repeat(70 * 1024) })).body.error.fields).toEqual({ body: "description must be at most 20000 characters" });
    expect((await create({ subject: "x", body: "y".repeat(28 * 1024 * 1024) })).status).toBe(413);
    expect(await written()).toEqual(before);
  });
});

describe("PATCH /api/v1/tickets/{id}", () => {
  it("changes status, priority and assignee, each as its own recorded change", async () => {
    const id = await fx.open(env.customer.viewer);
    const res = await patch(id, { status: "pending", priority: "high", assigneeId: env.agent.user.id });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: "pending", priority: "high", assigneeId: env.agent.user.id });
    expect(res.body.data.activity.map((a: { kind: string }) => a.kind)).toEqual(["created", "assigned", "priority_changed", "status_changed"]);
    const types = (await env.testDb.database.client.outboxEvent.findMany({ where: { subjectId: id }, orderBy: { seq: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["ticket.created", "ticket.assigned", "ticket.updated", "ticket.status_changed"]);
  });

  it("is conditional on If-Match: staff read the version as the ETag, a stale change is 409 and writes nothing; customers get no ETag", async () => {
    const id = await fx.open(env.customer.viewer);
    const get = (auth: Auth) => item.GET(apiRequest("GET", `/api/v1/tickets/${id}`, { auth }), idContext(id)).then(readResponse);
    expect((await get(env.agent.auth)).headers.get("etag")).toBe('"1"');
    expect((await get(env.customer.auth)).headers.get("etag")).toBeNull();
    const moved = await readResponse(
      await item.PATCH(
        apiRequest("PATCH", `/api/v1/tickets/${id}`, { auth: env.agent.auth, json: { priority: "high" }, headers: { "if-match": '"1"' } }),
        idContext(id)
      )
    );
    expect([moved.status, moved.headers.get("etag")]).toEqual([200, '"2"']);
    const before = await written();
    const stale = await patch(id, { status: "pending", version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toEqual({ version: 2, changedBy: env.agent.user.name });
    expect(await written()).toEqual(before);
  });

  it("answers 403 to customers (even on their own ticket) and to agents moving offices; writes nothing", async () => {
    const id = await fx.open(env.customer.viewer);
    const before = await written();
    for (const json of [{ status: "closed" }, { assigneeId: env.agent.user.id }, { priority: "urgent" }]) {
      const res = await patch(id, json, env.customer.auth);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const move = await patch(id, { officeId: fx.salesId }, env.agent.auth);
    expect(move.status).toBe(403);
    expect(move.body.error.fields).toHaveProperty("officeId");
    expect(await written()).toEqual(before);
  });

  it("answers 400 to an unknown status and to an assignee outside the organization or office, naming the field", async () => {
    const id = await fx.open(env.customer.viewer);
    const before = await written();
    const status = await patch(id, { status: "exploded" });
    expect(status.status).toBe(400);
    expect(Object.keys(status.body.error.fields)).toEqual(["status"]);
    for (const assigneeId of [env.otherAdmin.user.id, fx.salesAgent.user.id, env.customer.user.id, "not-a-uuid"]) {
      const res = await patch(id, { assigneeId });
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(["assigneeId"]);
    }
    expect((await patch(id, { colour: "red" })).body.error.fields).toEqual({ colour: "unknown field" });
    expect(await written()).toEqual(before);
  });

  it("answers 404 for other organizations' and other offices' tickets before reading the body, 409 on a closed ticket", async () => {
    const foreign = await fx.open(env.otherAdmin.viewer, { officeId: null });
    const sales = await fx.open(env.admin.viewer, { officeId: fx.salesId });
    expect((await patch(foreign, { status: "closed" }, env.admin.auth)).status).toBe(404);
    const hidden = await readResponse(
      await item.PATCH(
        apiRequest("PATCH", `/api/v1/tickets/${sales}`, { auth: env.agent.auth, body: "{", headers: { "content-type": "application/json" } }),
        idContext(sales)
      )
    );
    expect(hidden.status).toBe(404);
    const id = await fx.open(env.customer.viewer);
    expect((await patch(id, { status: "closed" })).status).toBe(200);
    const closed = await patch(id, { priority: "urgent" });
    expect(closed.status).toBe(409);
    expect(closed.body.error).toMatchObject({ code: "conflict", fields: { status: expect.any(String) } });
    expect((await patch(id, { status: "open" })).body.data.status).toBe("open");
  });
});

describe("POST /api/v1/tickets/{id}/replies", () => {
  it("adds replies and internal notes (201), notifying the customer of the public one only", async () => {
    const id = await fx.open(env.customer.viewer);
    const res = await reply(id, { body: "We replaced the cable", attachments: [{ name: "photo.jpg", type: "image/jpeg", content: "/9j/4AAQ" }] });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ ticketId: id, internal: false, authorIsStaff: true, attachments: [{ name: "photo.jpg", size: 6 }] });
    expect((await reply(id, { body: "Cable was chewed by the office dog", internal: true })).status).toBe(201);
    const inbox = await env.testDb.database.client.notification.findMany({ where: { userId: env.customer.user.id, ticketId: id } });
    expect(inbox.map((n) => n.excerpt)).toEqual(["We replaced the cable"]);
    const customerReply = await reply(id, { body: "Thanks!" }, env.customer.auth);
    expect(customerReply.body.data).toMatchObject({ authorIsStaff: false, internal: false });
  });

  it("answers 400 to empty, oversized and malformed replies, 413 past what its files may take, and writes nothing", async () => {
    const id = await fx.open(env.customer.viewer);
    const before = await written();
    for (const json of [{ body: "" }, { body: "   " }, {}, { body: "x".repeat(10_001) }]) {
      const res = await reply(id, json);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual(["body"]);
    }
    const attachments = await reply(id, { body: "see file", attachments: [{ name: "", size: -1, type: "nonsense" }] });
    expect(attachments.body.error.fields).toHaveProperty("attachments");
    expect((await reply(id, { body: "x".repeat(70 * 1024) })).body.error.fields).toEqual({ body: "reply must be at most 10000 characters" });
    expect((await reply(id, { body: "x".repeat(28 * 1024 * 1024) })).status).toBe(413);
    expect((await reply(id, { body: "hi" }, env.agent.auth, { "content-type": "text/plain" })).status).toBe(400);
    expect(await written()).toEqual(before);
  });

  it("answers 403 to a customer's internal note, 404 on another customer's ticket, 409 on a closed ticket", async () => {
    const id = await fx.open(env.customer.viewer);
    const before = await written();
    const note = await reply(id, { body: "secret", internal: true }, env.customer.auth);
    expect(note.status).toBe(403);
    expect(note.body.error.fields).toHaveProperty("internal");
    expect((await reply(id, { body: "hello" }, fx.otherCustomer.auth)).status).toBe(404);
    expect((await reply(id, { body: "hello" }, fx.salesAgent.auth)).status).toBe(404);
    expect((await reply(id, { body: "hello" }, env.otherAdmin.auth)).status).toBe(404);
    expect(await written()).toEqual(before);
    await patch(id, { status: "closed" });
    const closed = await reply(id, { body: "anyone?" }, env.customer.auth);
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe("conflict");
  });
});
