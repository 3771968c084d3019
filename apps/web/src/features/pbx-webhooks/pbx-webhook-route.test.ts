import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPbxWebhook, signWebhook, SIGNATURE_HEADER } from "@switchboard/pbx";
import { POST } from "@/app/api/pbx/webhooks/[publicId]/route";
import { apiRequest, readResponse } from "@/features/api/testing/api-request";
import { createApiTestEnv, type ApiTestEnv } from "@/features/api/testing/api-test-env";
import { getWebhookDeliveryCounts, type WebhookDeliveryCounts } from "./webhook-stats";

let env: ApiTestEnv;
let publicId: string;
let secret: string;
/** The process's counts before this file: other files in the same worker deliver too. */
let countsBefore: WebhookDeliveryCounts;
beforeAll(async () => {
  countsBefore = { ...getWebhookDeliveryCounts() };
  env = await createApiTestEnv();
  ({ publicId, secret } = await createPbxWebhook(env.runtime.db, env.runtime.box, env.orgA.id));
});
afterAll(async () => {
  await env?.close();
});

let n = 0;
const eventBody = (type: string, data: object, id = `route-evt-${++n}`) => JSON.stringify({ id, type, occurredAt: new Date().toISOString(), data });
const started = (callId: string, id?: string) =>
  eventBody("call.started", { callId, direction: "inbound", from: { number: "+15550001234", name: "Caller" }, to: { number: "+15559870000" } }, id);

async function post(raw: string, headers: Record<string, string> = signWebhook(secret, raw), to = publicId) {
  const request = apiRequest("POST", `/api/pbx/webhooks/${to}`, { body: raw, headers: { "content-type": "application/json", ...headers } });
  return readResponse(await POST(request, { params: Promise.resolve({ publicId: to }) }));
}
const callRows = (pbxCallId: string) => env.runtime.db.call.findMany({ where: { organizationId: env.orgA.id, pbxCallId } });

describe("POST /api/pbx/webhooks/[publicId]", () => {
  it("applies a signed event: 200, the call exists, its event is in the outbox", async () => {
    const res = await post(started("route-call-1"));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, outcome: "applied" });
    const [call] = await callRows("route-call-1");
    expect(call).toMatchObject({ state: "ringing", direction: "inbound", fromName: "Caller" });
    const events = await env.runtime.db.outboxEvent.findMany({ where: { organizationId: env.orgA.id, subjectId: call?.id } });
    expect(events.map((e) => e.type)).toEqual(["call.started"]);
  });

  it("bad signature → 401 and nothing applied", async () => {
    const raw = started("route-call-bad-sig");
    const res = await post(raw, { ...signWebhook(secret, raw), [SIGNATURE_HEADER]: `v1=${"ab".repeat(32)}` });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: "unauthorized", message: "signature does not match" } });
    expect((await post(raw, signWebhook("whsec_not-the-secret", raw))).status).toBe(401);
    expect((await post(raw, {})).body.error.message).toMatch(/missing or malformed x-switchboard-timestamp/);
    expect(await callRows("route-call-bad-sig")).toEqual([]);
  });

  it("stale timestamp → 401 even when correctly signed", async () => {
    const raw = started("route-call-stale");
    const res = await post(raw, signWebhook(secret, raw, new Date(Date.now() - 10 * 60_000)));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("timestamp outside the replay window");
    expect(await callRows("route-call-stale")).toEqual([]);
  });

  it("replayed event id → 200 duplicate, applied once", async () => {
    const raw = started("route-call-replay", "route-replayed-event");
    expect((await post(raw)).body).toMatchObject({ ok: true, outcome: "applied" });
    const again = await post(raw);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ok: true, eventId: "route-replayed-event", duplicate: true });
    // Same event id, freshly signed, different content: still the same delivery.
    const changed = await post(started("route-call-replay-2", "route-replayed-event"));
    expect(changed.body.duplicate).toBe(true);
    const calls = await callRows("route-call-replay");
    expect(calls).toHaveLength(1);
    expect(await callRows("route-call-replay-2")).toEqual([]);
    expect(await env.runtime.db.outboxEvent.count({ where: { subjectId: calls[0]?.id } })).toBe(1);
  });

  it("bad body → 400 naming the failing field", async () => {
    const wrong = eventBody("call.started", { callId: "route-call-bad", direction: "sideways", from: { number: "1" }, to: { number: "2" } });
    const res = await post(wrong);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("bad_request");
    expect(Object.keys(res.body.error.fields)).toEqual(["data.direction"]);
    expect(res.body.error.message).toMatch(/^invalid webhook event — data\.direction: /);

    const noType = JSON.stringify({ id: "x", occurredAt: new Date().toISOString(), data: {} });
    expect((await post(noType)).body.error.fields).toHaveProperty("type");

    const notJson = await post("{nope");
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.fields).toEqual({ body: "must be a JSON object" });
    expect(await callRows("route-call-bad")).toEqual([]);
  });

  it("unknown publicId → 404", async () => {
    const raw = started("route-call-unknown");
    const res = await post(raw, signWebhook(secret, raw), "pbx_doesnotexist");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it("an oversized body → 413 before anything is parsed", async () => {
    const raw = started("route-call-big").replace('"Caller"', JSON.stringify("x".repeat(40_000)));
    const res = await post(raw);
    expect(res.status).toBe(413);
  });

  it("every answered delivery is counted by outcome for /pbx/stats (this file's deliveries so far)", () => {
    const counts = getWebhookDeliveryCounts();
    const added = Object.fromEntries(Object.entries(counts).map(([kind, n]) => [kind, n - countsBefore[kind as keyof WebhookDeliveryCounts]]));
    expect(added).toEqual({ ok: 2, duplicate: 2, unauthorized: 4, not_found: 1, bad_request: 3 });
  });
});
