import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setProcessSingleton } from "@switchboard/config";
import { EGRESS_REFUSED_MESSAGE } from "@switchboard/egress";
import { startIntegrations, type Integrations } from "@switchboard/integrations";
import { testSettings } from "@switchboard/integrations/testing";
import { apiRoutes } from "./api-routes";
import { apiRequest, idContext, readResponse } from "./testing/api-request";
import { createApiTestEnv, type ApiTestEnv, type Auth } from "./testing/api-test-env";

let env: ApiTestEnv;
let integrations: Integrations;

beforeAll(async () => {
  env = await createApiTestEnv();
  // As server.ts does: the queue and an in-process worker, published for the route handlers.
  integrations = await startIntegrations({
    database: env.runtime.database,
    box: env.runtime.box,
    logger: pino({ level: "silent" }),
    settings: testSettings(),
    egress: env.runtime.egress.policy,
    runWorker: true
  });
  setProcessSingleton("integrations", integrations);
});
afterAll(async () => {
  setProcessSingleton("integrations", undefined);
  await integrations?.stop(5000);
  await env?.close();
});

const call = async (
  route: { handler: (r: ReturnType<typeof apiRequest>, c?: ReturnType<typeof idContext>) => Promise<Response> },
  method: string,
  path: string,
  auth: Auth,
  json?: unknown,
  id?: string
) => readResponse(await route.handler(apiRequest(method, path, { auth, ...(json === undefined ? {} : { json }) }), id ? idContext(id) : undefined));

const csv = [
  "number,display_name,sip_username,sip_secret",
  "6101,Desk 6101,d6101,secret-6101-abcdef",
  "61x2,Desk,d6102,secret-6102-abcdef",
  "6103,Desk 6103,d6103,secret-6103-abcdef"
].join("\n");

async function finished(id: string, auth: Auth): Promise<Record<string, unknown>> {
  let job: Record<string, unknown> = {};
  await expect
    .poll(
      async () => {
        job = (await call(apiRoutes.getJob, "GET", `/api/v1/jobs/${id}`, auth, undefined, id)).body.data;
        return job.state;
      },
      { timeout: 30_000, interval: 100 }
    )
    .toMatch(/completed|failed|cancelled/);
  return job;
}

describe("/api/v1/webhooks", () => {
  it("admins only; a destination on a private or loopback address is refused with the one generic message", async () => {
    const body = { url: "https://hooks.example.com/in" };
    expect((await call(apiRoutes.createWebhook, "POST", "/api/v1/webhooks", env.supervisor.auth, body)).status).toBe(403);
    for (const url of ["http://127.0.0.1:8080/", "http://[::1]/", "http://10.0.0.5/", "http://169.254.169.254/latest/meta-data", "http://localhost:3000/"]) {
      const res = await call(apiRoutes.createWebhook, "POST", "/api/v1/webhooks", env.admin.auth, { url });
      expect(res.status, url).toBe(400);
      expect(res.body.error.fields.url).toBe(EGRESS_REFUSED_MESSAGE);
    }
    const list = await call(apiRoutes.listWebhooks, "GET", "/api/v1/webhooks", env.admin.auth);
    expect(list.body.data).toEqual([]);
  });

  it("a public destination is created with its secret shown once; its delivery log is readable", async () => {
    const url = "http://93.184.216.34/hooks";
    const created = await call(apiRoutes.createWebhook, "POST", "/api/v1/webhooks", env.admin.auth, { url, eventTypes: ["extension.created"] });
    expect(created.status).toBe(201);
    expect(created.body.data.secret).toMatch(/^whsec_/);
    const id = created.body.data.webhook.id as string;
    expect((await call(apiRoutes.getWebhook, "GET", `/api/v1/webhooks/${id}`, env.admin.auth, undefined, id)).text).not.toContain(created.body.data.secret);
    const deliveries = await call(apiRoutes.listWebhookDeliveries, "GET", `/api/v1/webhooks/${id}/deliveries`, env.admin.auth, undefined, id);
    expect(deliveries.body).toMatchObject({ data: [], total: 0 });
    expect((await call(apiRoutes.getWebhook, "GET", `/api/v1/webhooks/${id}`, env.otherAdmin.auth, undefined, id)).status).toBe(404);
    const stale = await call(apiRoutes.updateWebhook, "PATCH", `/api/v1/webhooks/${id}`, env.admin.auth, { enabled: false, version: 99 }, id);
    expect(stale.status).toBe(409);
    expect((await call(apiRoutes.deleteWebhook, "DELETE", `/api/v1/webhooks/${id}`, env.admin.auth, undefined, id)).status).toBe(204);
  });
});

describe("/api/v1/imports and /api/v1/jobs", () => {
  it("previews, refuses an all-or-nothing import with bad rows, then imports the valid ones as a job", async () => {
    expect((await call(apiRoutes.previewImport, "POST", "/api/v1/imports/preview", env.supervisor.auth, { csv })).status).toBe(403);
    const preview = await call(apiRoutes.previewImport, "POST", "/api/v1/imports/preview", env.admin.auth, { csv });
    expect(preview.body.data).toMatchObject({ total: 3, validCount: 2, errors: [{ row: 3 }] });
    const refused = await call(apiRoutes.startImport, "POST", "/api/v1/imports", env.admin.auth, { csv });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toHaveProperty("row 3");
    const started = await call(apiRoutes.startImport, "POST", "/api/v1/imports", env.admin.auth, { csv, mode: "valid_rows" });
    expect(started.status).toBe(201);
    expect(started.headers.get("location")).toBe(`/api/v1/jobs/${started.body.data.id}`);
    const job = await finished(started.body.data.id, env.admin.auth);
    expect(job).toMatchObject({ state: "completed", done: 2, total: 2 });
    const listed = await call(apiRoutes.listJobs, "GET", "/api/v1/jobs", env.admin.auth);
    expect(listed.body.data.map((j: { id: string }) => j.id)).toContain(started.body.data.id);
    // Other staff see only their own jobs.
    const agentList = await call(apiRoutes.listJobs, "GET", "/api/v1/jobs", env.agent.auth);
    expect(agentList.body.data).toEqual([]);
  });
});

describe("/api/v1/exports", () => {
  it("exports calls as a job whose file only the requester can download", async () => {
    const started = await call(apiRoutes.startExport, "POST", "/api/v1/exports", env.agent.auth, { kind: "calls", query: { direction: "inbound" } });
    expect(started.status).toBe(201);
    const id = started.body.data.id as string;
    const job = await finished(id, env.agent.auth);
    expect(job.state).toBe("completed");
    const file = await apiRoutes.downloadExport.handler(apiRequest("GET", `/api/v1/exports/${id}/file`, { auth: env.agent.auth }), idContext(id));
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toContain("text/csv");
    expect((await file.text()).split("\n")[0]).toMatch(/^id,started_at,direction/);
    const other = await apiRoutes.downloadExport.handler(apiRequest("GET", `/api/v1/exports/${id}/file`, { auth: env.admin.auth }), idContext(id));
    expect(other.status).toBe(404);
    const bad = await call(apiRoutes.startExport, "POST", "/api/v1/exports", env.agent.auth, { kind: "calls", query: { direction: "sideways" } });
    expect(bad.status).toBe(400);
    expect((await call(apiRoutes.startExport, "POST", "/api/v1/exports", env.customer.auth, { kind: "tickets" })).status).toBe(403);
  });
});
