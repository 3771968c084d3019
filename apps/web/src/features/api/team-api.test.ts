import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as activityRoute from "@/app/api/v1/activity/route";
import * as activityExport from "@/app/api/v1/activity/export/route";
import * as invitationItem from "@/app/api/v1/invitations/[id]/route";
import * as invitations from "@/app/api/v1/invitations/route";
import * as officeItem from "@/app/api/v1/offices/[id]/route";
import * as officeMembers from "@/app/api/v1/offices/[id]/members/route";
import * as offices from "@/app/api/v1/offices/route";
import * as userItem from "@/app/api/v1/users/[id]/route";
import * as userLink from "@/app/api/v1/users/[id]/sign-in-link/route";
import * as userSignOut from "@/app/api/v1/users/[id]/sign-out/route";
import * as users from "@/app/api/v1/users/route";
import { createApiToken } from "@switchboard/db";
import { createUser } from "@switchboard/db/seed";
import { createApiTestEnv, type ApiTestEnv, type Auth } from "./testing/api-test-env";
import { apiRequest, idContext, readResponse } from "./testing/api-request";

let env: ApiTestEnv;
beforeAll(async () => {
  env = await createApiTestEnv();
});
afterAll(async () => {
  await env?.close();
});

type Handler = (request: NextRequest, context?: { params: Promise<{ id: string }> }) => Promise<Response>;

async function call(
  handler: Handler,
  method: string,
  path: string,
  options: { auth?: Auth; json?: unknown; id?: string; headers?: Record<string, string> } = {}
) {
  const request = apiRequest(method, path, { auth: options.auth, json: options.json, headers: options.headers });
  return readResponse(await handler(request, options.id ? idContext(options.id) : undefined));
}

describe("/api/v1/users and /api/v1/invitations", () => {
  it("lists the team to staff, with the same filters as the page, and refuses customers", async () => {
    const list = await call(users.GET, "GET", "/api/v1/users?role=agent", { auth: env.agent.auth });
    expect(list.status).toBe(200);
    expect(list.body.data.map((u: { id: string }) => u.id)).toEqual([env.agent.user.id]);
    expect(list.body.data[0]).not.toHaveProperty("sessionVersion");
    expect((await call(users.GET, "GET", "/api/v1/users", { auth: env.customer.auth })).body.error).toEqual({
      code: "forbidden",
      message: "customers cannot see the team"
    });
    const bad = await call(users.GET, "GET", "/api/v1/users?role=boss&page_size=3", { auth: env.admin.auth });
    expect([bad.status, Object.keys(bad.body.error.fields)]).toEqual([400, ["page_size"]]);
  });

  it("invites (201 with the link once), refuses a duplicate email with 409 naming the field and another org's office with 404", async () => {
    const created = await call(invitations.POST, "POST", "/api/v1/invitations", {
      auth: env.admin.auth,
      json: { email: "api.invitee@example.test", name: "Api Invitee", role: "agent", officeIds: [] }
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`/api/v1/users/${created.body.data.user.id}`);
    expect(created.body.data.link).toMatchObject({ url: expect.stringMatching(/^http:\/\/localhost:3000\/invite\/[\w-]{40,}$/), mailed: false });
    const dup = await call(invitations.POST, "POST", "/api/v1/invitations", {
      auth: env.admin.auth,
      json: { email: "API.INVITEE@example.test", name: "Again", role: "agent" }
    });
    expect([dup.status, dup.body.error.code, dup.body.error.fields]).toEqual([409, "conflict", { email: "this email address is already in use" }]);
    const otherOffice = await env.runtime.db.office.create({ data: { organizationId: env.orgB.id, name: "Elsewhere" } });
    const foreign = await call(invitations.POST, "POST", "/api/v1/invitations", {
      auth: env.admin.auth,
      json: { email: "x@example.test", name: "X", role: "agent", officeIds: [otherOffice.id] }
    });
    expect([foreign.status, foreign.body.error.message]).toEqual([404, "office not found"]);
    expect(await env.runtime.db.user.count({ where: { email: "x@example.test" } })).toBe(0);
    const refused = await call(invitations.POST, "POST", "/api/v1/invitations", {
      auth: env.supervisor.auth,
      json: { email: "y@example.test", name: "Y", role: "admin" }
    });
    expect([refused.status, refused.body.error.fields]).toEqual([403, { role: "your role may only give the roles: agent, customer" }]);
    const unknownField = await call(invitations.POST, "POST", "/api/v1/invitations", {
      auth: env.admin.auth,
      json: { email: "z@example.test", name: "Z", role: "agent", admin: true }
    });
    expect([unknownField.status, unknownField.body.error.fields]).toEqual([400, { admin: "unknown field" }]);

    const pending = await call(invitations.GET, "GET", "/api/v1/invitations", { auth: env.supervisor.auth });
    const mine = pending.body.data.find((i: { email: string }) => i.email === "api.invitee@example.test");
    expect(JSON.stringify(pending.body)).not.toContain(created.body.data.link.url);
    expect((await call(invitationItem.DELETE, "DELETE", `/api/v1/invitations/${mine.id}`, { auth: env.admin.auth, id: mine.id })).status).toBe(204);
    expect((await call(invitationItem.DELETE, "DELETE", `/api/v1/invitations/${mine.id}`, { auth: env.admin.auth, id: mine.id })).status).toBe(404);
  });

  it("changes a user with the documented refusals, and a deactivated user's API token stops working at once", async () => {
    const path = `/api/v1/users/${env.agent.user.id}`;
    const patch = (auth: Auth, json: unknown, id = env.agent.user.id) => call(userItem.PATCH, "PATCH", `/api/v1/users/${id}`, { auth, json, id });
    expect((await patch(env.agent.auth, { name: "Me" })).status).toBe(403);
    expect((await patch(env.admin.auth, { role: "agent" }, env.admin.user.id)).body.error.fields).toEqual({ role: "nobody may change their own role" });
    expect((await patch(env.admin.auth, {})).body.error).toMatchObject({
      code: "bad_request",
      fields: { _: "nothing to change: send name, role, officeIds or status" }
    });
    expect((await patch(env.admin.auth, { role: "boss" })).status).toBe(400);
    const stale = await patch(env.admin.auth, { name: "Stale", version: 999 });
    expect([stale.status, Object.keys(stale.body.error.fields)]).toEqual([409, ["version"]]);
    expect((await patch(env.otherAdmin.auth, { name: "Foreign" })).status).toBe(404);

    const renamed = await patch(env.supervisor.auth, { name: "Renamed Agent" });
    expect([renamed.status, renamed.body.data.name]).toEqual([200, "Renamed Agent"]);
    expect((await call(userItem.GET, "GET", path, { auth: env.agent.auth, id: env.agent.user.id })).status).toBe(200);

    const leaver = await createUser(env.runtime.db, env.orgA.id, { role: "agent", name: "Leaver" });
    const { token } = await createApiToken(env.runtime.db, { id: leaver.id, orgId: env.orgA.id, role: "agent", name: "Leaver" }, { name: "script" });
    const cookie = { cookie: await env.sessionCookie(leaver) };
    expect((await call(users.GET, "GET", "/api/v1/users", { auth: { token } })).status).toBe(200);
    expect((await patch(env.admin.auth, { status: "deactivated" }, leaver.id)).body.data.status).toBe("deactivated");
    const afterwards = await call(users.GET, "GET", "/api/v1/users", { auth: { token } });
    expect([afterwards.status, afterwards.body.error.code]).toEqual([401, "unauthorized"]);
    expect((await call(users.GET, "GET", "/api/v1/users", { auth: cookie })).body.error.message).toBe("the session's user is deactivated");
  });

  it("keeps the last admin, sends sign-in links and ends sessions", async () => {
    const last = await call(userItem.PATCH, "PATCH", `/api/v1/users/${env.admin.user.id}`, {
      auth: env.supervisor.auth,
      json: { role: "agent" },
      id: env.admin.user.id
    });
    expect(last.status).toBe(403);
    const customer = await call(users.POST, "POST", "/api/v1/users", { auth: env.agent.auth, json: { email: "walk.in@example.test", name: "Walk In" } });
    expect([customer.status, customer.body.data.role, customer.body.data.hasPassword]).toEqual([201, "customer", false]);
    const id = customer.body.data.id as string;
    const link = await call(userLink.POST, "POST", `/api/v1/users/${id}/sign-in-link`, { auth: env.agent.auth, id });
    expect([link.status, link.body.data.url]).toEqual([201, expect.stringContaining("/invite/")]);
    const reset = await call(userLink.POST, "POST", `/api/v1/users/${env.supervisor.user.id}/sign-in-link`, {
      auth: env.agent.auth,
      id: env.supervisor.user.id
    });
    expect(reset.status).toBe(403);

    // A bodiless POST with the session cookie: another site's form or no-cors fetch is refused.
    const signOutPath = `/api/v1/users/${env.supervisor.user.id}/sign-out`;
    const target = { id: env.supervisor.user.id };
    const crossSite: Record<string, string>[] = [
      {},
      { origin: "https://evil.example" },
      { origin: "null" },
      { "content-type": "text/plain", "sec-fetch-site": "cross-site" }
    ];
    for (const headers of crossSite) {
      const refused = await call(userSignOut.POST, "POST", signOutPath, { auth: env.supervisor.cookie, headers, ...target });
      expect([refused.status, refused.body.error.code]).toEqual([403, "forbidden"]);
    }
    expect((await call(users.GET, "GET", "/api/v1/users", { auth: env.supervisor.cookie })).status).toBe(200);
    const out = await call(userSignOut.POST, "POST", signOutPath, { auth: env.supervisor.cookie, headers: { origin: "http://localhost:3000" }, ...target });
    expect(out.status).toBe(204);
    const revoked = await call(users.GET, "GET", "/api/v1/users", { auth: env.supervisor.cookie });
    expect([revoked.status, revoked.body.error.message]).toEqual([401, "session was signed out; sign in again"]);
    // API tokens are not sessions: they keep working.
    expect((await call(users.GET, "GET", "/api/v1/users", { auth: env.supervisor.auth })).status).toBe(200);
  });
});

describe("/api/v1/offices", () => {
  it("creates, renames, sets members and deletes, refusing with the reason while something belongs to an office", async () => {
    const created = await call(offices.POST, "POST", "/api/v1/offices", { auth: env.admin.auth, json: { name: "API Office" } });
    expect([created.status, created.body.data.name]).toEqual([201, "API Office"]);
    const id = created.body.data.id as string;
    expect((await call(offices.POST, "POST", "/api/v1/offices", { auth: env.supervisor.auth, json: { name: "Nope" } })).body.error.message).toBe(
      "only admins may manage offices"
    );
    expect((await call(offices.POST, "POST", "/api/v1/offices", { auth: env.admin.auth, json: { name: "API Office" } })).body.error.fields).toEqual({
      name: "an office with this name already exists"
    });
    const renamed = await call(officeItem.PATCH, "PATCH", `/api/v1/offices/${id}`, { auth: env.admin.auth, json: { name: "API Desk", version: 1 }, id });
    expect([renamed.status, renamed.body.data.version]).toEqual([200, 2]);
    const members = await call(officeMembers.PUT, "PUT", `/api/v1/offices/${id}/members`, { auth: env.admin.auth, json: { userIds: [env.agent.user.id] }, id });
    expect(members.body.data.memberIds).toEqual([env.agent.user.id]);
    const customerMember = await call(officeMembers.PUT, "PUT", `/api/v1/offices/${id}/members`, {
      auth: env.admin.auth,
      json: { userIds: [env.customer.user.id] },
      id
    });
    expect(customerMember.status).toBe(400);
    const busy = await call(officeItem.DELETE, "DELETE", `/api/v1/offices/${id}`, { auth: env.admin.auth, id });
    expect([busy.status, busy.body.error.message]).toEqual([409, "API Desk still has 1 member; remove them from it first"]);
    await call(officeMembers.PUT, "PUT", `/api/v1/offices/${id}/members`, { auth: env.admin.auth, json: { userIds: [] }, id });
    expect((await call(officeItem.DELETE, "DELETE", `/api/v1/offices/${id}`, { auth: env.admin.auth, id })).status).toBe(204);
    expect((await call(officeItem.GET, "GET", `/api/v1/offices/${id}`, { auth: env.admin.auth, id })).status).toBe(404);
    const list = await call(offices.GET, "GET", "/api/v1/offices", { auth: env.customer.auth });
    expect(list.status).toBe(200);
    for (const office of list.body.data) expect(office.memberIds).toEqual([]);
  });
});

describe("/api/v1/activity", () => {
  it("lists who did what to admins, filtered, and exports the same as CSV", async () => {
    const list = await call(activityRoute.GET, "GET", `/api/v1/activity?kind=office&actor=${env.admin.user.id}`, { auth: env.admin.auth });
    expect(list.status).toBe(200);
    expect(list.body.data.length).toBeGreaterThan(0);
    expect(list.body.data[0]).toMatchObject({ kind: "office", actor: { id: env.admin.user.id }, summary: expect.stringMatching(/office API Desk$/) });
    expect((await call(activityRoute.GET, "GET", "/api/v1/activity", { auth: env.supervisor.auth })).body.error.message).toBe(
      "only admins may see the activity log"
    );
    const bad = await call(activityRoute.GET, "GET", "/api/v1/activity?from=2026-02-30x&kind=all", { auth: env.admin.auth });
    expect([bad.status, Object.keys(bad.body.error.fields).sort()]).toEqual([400, ["from", "kind"]]);
    const reversed = await call(activityRoute.GET, "GET", "/api/v1/activity?from=2026-03-02&to=2026-03-01", { auth: env.admin.auth });
    expect(reversed.body.error.fields).toEqual({ to: "to must not be before from" });

    const csv = await activityExport.GET(apiRequest("GET", "/api/v1/activity/export?kind=office", { auth: env.admin.cookie }));
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="activity-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = (await csv.text()).trim().split("\r\n");
    expect(lines[0]).toBe("time,person,kind,what,subject,subject id");
    expect(lines.slice(1).every((line) => line.includes(",Offices,"))).toBe(true);
    expect(lines.length).toBe(list.body.total + 1);
    expect((await activityExport.GET(apiRequest("GET", "/api/v1/activity/export?page=2", { auth: env.admin.auth }))).status).toBe(400);
  });
});

// After the activity log's assertions, which read the newest office change.
describe("/api/v1/offices/{id} versions", () => {
  it("makes renames and member changes conditional on the office's ETag, refusing a stale one with 409", async () => {
    const created = await call(offices.POST, "POST", "/api/v1/offices", { auth: env.admin.auth, json: { name: "ETag Office" } });
    const id = created.body.data.id as string;
    const read = await call(officeItem.GET, "GET", `/api/v1/offices/${id}`, { auth: env.admin.auth, id });
    expect(read.headers.get("etag")).toBe('"1"');
    const renamed = await call(officeItem.PATCH, "PATCH", `/api/v1/offices/${id}`, {
      auth: env.admin.auth,
      json: { name: "ETag Desk" },
      headers: { "if-match": '"1"' },
      id
    });
    expect([renamed.status, renamed.headers.get("etag")]).toEqual([200, '"2"']);
    const stale = await call(officeMembers.PUT, "PUT", `/api/v1/offices/${id}/members`, {
      auth: env.admin.auth,
      json: { userIds: [env.agent.user.id] },
      headers: { "if-match": '"1"' },
      id
    });
    expect([stale.status, stale.body.error.current]).toEqual([409, { version: 2, changedBy: env.admin.user.name }]);
    expect((await call(officeItem.GET, "GET", `/api/v1/offices/${id}`, { auth: env.admin.auth, id })).body.data.memberIds).toEqual([]);
    const set = await call(officeMembers.PUT, "PUT", `/api/v1/offices/${id}/members`, { auth: env.admin.auth, json: { userIds: [], version: 2 }, id });
    expect([set.status, set.headers.get("etag")]).toEqual([200, '"3"']);
  });
});
