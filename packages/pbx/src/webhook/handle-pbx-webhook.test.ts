import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { createPbxTestOrg } from "../testing/pbx-test-org";
import { handlePbxWebhook, webhookHttpStatus } from "./handle-pbx-webhook";
import { createPbxWebhook } from "./pbx-webhook-settings";
import { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./webhook-signature";

let t: TestDatabase;
let publicId: string;
let secret: string;
let orgId: string;
let extensions: Map<string, string>;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
  const setup = await createPbxTestOrg(t.database.client, t.box);
  orgId = setup.org.id;
  extensions = setup.extensions;
  ({ publicId, secret } = await createPbxWebhook(t.database.client, t.box, orgId));
});
afterAll(async () => {
  await t?.drop();
});

const deps = () => ({ db: t.database.client, box: t.box });
let ids = 0;
const body = (type: string, data: object, id = `evt-${++ids}`) => JSON.stringify({ id, type, occurredAt: new Date().toISOString(), data });
const post = (raw: string, headers: Record<string, string> = signWebhook(secret, raw)) => handlePbxWebhook(deps(), publicId, headers, raw);

describe("handlePbxWebhook", () => {
  it("applies signed events through the tracker: a call starts, rings, is answered and ends", async () => {
    const callId = "pbx-call-1";
    const results = [];
    results.push(
      await post(
        body("call.started", {
          callId,
          direction: "inbound",
          from: { number: "+15550001111", name: "Jo" },
          to: { number: "+15559870000" },
          did: "+15559870000",
          trunk: "carrier-a"
        })
      )
    );
    results.push(await post(body("call.ringing", { callId, target: { number: "102" } })));
    results.push(await post(body("call.answered", { callId, by: { number: "102" } })));
    results.push(await post(body("call.ended", { callId, cause: "Normal Clearing", causeCode: 16, hungUpBy: "+15550001111" })));
    expect(results.map((r) => [r.kind, webhookHttpStatus(r)])).toEqual(Array(4).fill(["ok", 200]));
    const call = await t.database.raw.call.findUniqueOrThrow({ where: { organizationId_pbxCallId: { organizationId: orgId, pbxCallId: callId } } });
    expect(call).toMatchObject({ state: "ended", result: "answered", toNumber: "102", toName: "Ana Agent", extensionIds: [extensions.get("102")] });
    const events = await t.database.raw.outboxEvent.findMany({ where: { organizationId: orgId, subjectId: call.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["call.started", "call.ringing", "call.answered", "call.ended"]);
  });

  it("bad signature → 401", async () => {
    const raw = body("call.resumed", { callId: "x" });
    const headers = { ...signWebhook(secret, raw), [SIGNATURE_HEADER]: `v1=${"0".repeat(64)}` };
    const result = await post(raw, headers);
    expect(result).toEqual({ kind: "unauthorized", reason: "signature does not match" });
    expect(webhookHttpStatus(result)).toBe(401);
    expect(await post(raw, signWebhook("some-other-secret", raw))).toMatchObject({ kind: "unauthorized" });
    expect(await post(raw, { [TIMESTAMP_HEADER]: String(Math.floor(Date.now() / 1000)) })).toMatchObject({ kind: "unauthorized" });
  });

  it("stale (or future) timestamp → 401 even with a valid signature", async () => {
    const raw = body("call.resumed", { callId: "x" });
    expect(await post(raw, signWebhook(secret, raw, new Date(Date.now() - 6 * 60_000)))).toEqual({
      kind: "unauthorized",
      reason: "timestamp outside the replay window"
    });
    expect(await post(raw, signWebhook(secret, raw, new Date(Date.now() + 6 * 60_000)))).toMatchObject({ kind: "unauthorized" });
  });

  it("unknown integration → 404", async () => {
    const raw = body("call.resumed", { callId: "x" });
    const result = await handlePbxWebhook(deps(), "pbx_nope", signWebhook(secret, raw), raw);
    expect(result).toEqual({ kind: "not_found", reason: "unknown or disabled integration" });
    expect(webhookHttpStatus(result)).toBe(404);
  });

  it("replayed event id → duplicate, applied once", async () => {
    const raw = body("extension.status", { extension: "103", registration: "registered", deviceState: "idle" }, "evt-replayed");
    expect(await post(raw)).toMatchObject({ kind: "ok", outcome: "applied" });
    const again = await post(raw);
    expect(again).toEqual({ kind: "duplicate", eventId: "evt-replayed" });
    expect(webhookHttpStatus(again)).toBe(200);
    const changes = await t.database.raw.outboxEvent.count({
      where: { organizationId: orgId, type: "extension.status_changed", subjectId: extensions.get("103") }
    });
    expect(changes).toBe(1);
  });

  it("bad body → 400 naming the failing field", async () => {
    const wrongDirection = body("call.started", { callId: "c9", direction: "sideways", from: { number: "1" }, to: { number: "2" } });
    expect(await post(wrongDirection)).toEqual({ kind: "bad_request", fields: { "data.direction": expect.any(String) } });
    const missingFrom = body("call.started", { callId: "c9", direction: "inbound", to: { number: "2" } });
    expect(await post(missingFrom)).toMatchObject({ kind: "bad_request", fields: { "data.from": expect.any(String) } });
    const notJson = "{not json";
    const result = await post(notJson);
    expect(result).toEqual({ kind: "bad_request", fields: { body: "must be a JSON object" } });
    expect(webhookHttpStatus(result)).toBe(400);
  });

  it("an event for a call that never started → 400 and not recorded, so a retry after call.started succeeds", async () => {
    const raw = body("call.answered", { callId: "late-start" }, "evt-early");
    expect(await post(raw)).toMatchObject({ kind: "bad_request", fields: { "data.callId": expect.any(String) } });
    await post(body("call.started", { callId: "late-start", direction: "internal", from: { number: "101" }, to: { number: "102" } }));
    const retried = JSON.stringify({ ...JSON.parse(raw), occurredAt: new Date().toISOString() });
    expect(await post(retried)).toMatchObject({ kind: "ok", outcome: "applied" });
  });

  it("a status for an extension or trunk the console does not have → 400 naming it, nothing recorded", async () => {
    const ghostExtension = body("extension.status", { extension: "999", deviceState: "ringing" }, "evt-ghost-ext");
    expect(await post(ghostExtension)).toEqual({ kind: "bad_request", fields: { "data.extension": "no extension with this name in the organization" } });
    const ghostTrunk = body("trunk.status", { trunk: "Nobody Telecom", registration: "rejected" }, "evt-ghost-trunk");
    expect(await post(ghostTrunk)).toEqual({ kind: "bad_request", fields: { "data.trunk": "no trunk with this name in the organization" } });
    expect(await t.database.raw.pbxWebhookDelivery.count({ where: { eventId: { in: ["evt-ghost-ext", "evt-ghost-trunk"] } } })).toBe(0);
  });

  it("a trunk is found by its display name as well as its endpoint name", async () => {
    expect(await post(body("trunk.status", { trunk: "Carrier B (backup)", registration: "unreachable" }))).toMatchObject({ kind: "ok", outcome: "applied" });
    const status = await t.database.raw.trunkStatus.findFirstOrThrow({ where: { organizationId: orgId, trunk: { name: "Carrier B (backup)" } } });
    expect(status.registration).toBe("unreachable");
  });
});
