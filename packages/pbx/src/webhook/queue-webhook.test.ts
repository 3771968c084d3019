import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { createPbxTestOrg, createQueueTestSetup } from "../testing/pbx-test-org";
import { handlePbxWebhook, webhookHttpStatus } from "./handle-pbx-webhook";
import { createPbxWebhook } from "./pbx-webhook-settings";
import { signWebhook } from "./webhook-signature";

let t: TestDatabase;
let publicId: string;
let secret: string;
let orgId: string;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
  const setup = await createPbxTestOrg(t.database.client, t.box);
  orgId = setup.org.id;
  await createQueueTestSetup(t.database.client, orgId, setup.extensions);
  ({ publicId, secret } = await createPbxWebhook(t.database.client, t.box, orgId));
});
afterAll(async () => {
  await t?.drop();
});

let ids = 0;
const post = (type: string, data: object, occurredAt = new Date()) => {
  const raw = JSON.stringify({ id: `q-evt-${++ids}`, type, occurredAt: occurredAt.toISOString(), data });
  return handlePbxWebhook({ db: t.database.client, box: t.box }, publicId, signWebhook(secret, raw), raw);
};
const member = (number: string) =>
  t.database.raw.queueMember.findFirstOrThrow({ where: { organizationId: orgId, interface: `PJSIP/${number}`, queue: { name: "support" } } });

describe("queue webhooks", () => {
  it("agents sign in, pause with a reason and resume; callers join, are answered or abandon; the agent wraps up", async () => {
    const start = Date.now() - 60_000;
    const at = (s: number) => new Date(start + s * 1000);
    const results = [
      await post("agent.status", { agent: "102", loggedIn: true }, at(0)),
      await post("agent.status", { agent: "103", queue: "support", loggedIn: true }, at(0)),
      await post("agent.status", { agent: "103", paused: true, reason: "Lunch" }, at(1)),
      await post("queue.caller_joined", { queue: "support", callerId: "c-1", callId: "call-1", from: { number: "+15550001111", name: "Jo" } }, at(2)),
      await post("queue.caller_joined", { queue: "support", callerId: "c-2", from: { number: "+15550002222" } }, at(3)),
      await post("agent.status", { agent: "PJSIP/102", queue: "support", activity: "on_call" }, at(10)),
      await post("queue.caller_left", { queue: "support", callerId: "c-1", outcome: "answered", agent: "102" }, at(10)),
      await post("queue.caller_abandoned", { queue: "support", callerId: "c-2" }, at(40)),
      await post("agent.call_completed", { agent: "102", queue: "support", callerId: "c-1", talkSeconds: 50 }, at(60))
    ];
    expect(results.map((r) => [r.kind, webhookHttpStatus(r)])).toEqual(Array(results.length).fill(["ok", 200]));
    const callers = await t.database.raw.queueCaller.findMany({ where: { organizationId: orgId }, orderBy: { joinedAt: "asc" } });
    expect(callers.map((c) => [c.channelId, c.outcome, c.waitSeconds, c.withinServiceLevel, c.position])).toEqual([
      ["c-1", "answered", 8, true, 1],
      ["c-2", "abandoned", 37, false, 1]
    ]);
    expect(await member("102")).toMatchObject({ state: "wrap_up", stateSince: at(60), wrapUpUntil: at(90), callsTaken: 1 });
    expect(await member("103")).toMatchObject({ state: "paused", pauseReason: "Lunch", stateSince: at(1) });
    const types = (
      await t.database.raw.outboxEvent.findMany({ where: { organizationId: orgId, type: { startsWith: "queue.caller" } }, orderBy: { seq: "asc" } })
    ).map((e) => e.type);
    expect(types).toEqual(["queue.caller_joined", "queue.caller_joined", "queue.caller_left", "queue.caller_abandoned"]);

    // A delivery older than what the agent already reflects is out of order: skipped, still 200.
    expect(await post("agent.status", { agent: "103", queue: "support", paused: false }, at(0))).toMatchObject({ kind: "ok", outcome: "out_of_order" });
    expect(await member("103")).toMatchObject({ state: "paused" });
  });

  it("an unknown queue, agent or caller is a 400 naming the field, and is not recorded (the retry succeeds later)", async () => {
    expect(await post("queue.caller_joined", { queue: "billing", callerId: "x-1", from: { number: "1" } })).toEqual({
      kind: "bad_request",
      fields: { "data.queue": "no queue with this name in the organization" }
    });
    expect(await post("agent.status", { agent: "999", queue: "support", paused: true, reason: "Lunch" })).toEqual({
      kind: "bad_request",
      fields: { "data.agent": "no extension with this number, SIP username or interface in the organization" }
    });
    expect(await post("queue.caller_left", { queue: "support", callerId: "never", outcome: "answered" })).toEqual({
      kind: "bad_request",
      fields: { "data.callerId": "no caller with this id joined the queue; send queue.caller_joined first" }
    });
    expect(await post("queue.caller_left", { queue: "support", callerId: "c-9", outcome: "abandoned" })).toMatchObject({
      kind: "bad_request",
      fields: { "data.outcome": expect.any(String) }
    });
    expect(await t.database.raw.queue.count({ where: { organizationId: orgId, name: "billing" } })).toBe(0);
  });
});
