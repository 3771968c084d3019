import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createExtensionRow } from "@switchboard/db/seed";
import { ConnectorSupervisor, inProcessGateway } from "@switchboard/pbx";
import { onPremEgress, silentLog } from "@switchboard/pbx/testing";
import { POST as agentStateRoute } from "@/app/api/v1/agents/[id]/state/route";
import { GET as intervalsRoute } from "@/app/api/v1/queues/[id]/intervals/route";
import { GET as queuesRoute } from "@/app/api/v1/queues/route";
import { apiRequest, idContext, readResponse } from "@/features/api/testing/api-request";
import { createApiTestEnv, type ApiTestEnv, type Auth } from "@/features/api/testing/api-test-env";
import { startFakePbxFor } from "@/features/api/testing/fake-pbx";
import { registerCallControlGateway } from "@/features/call-control/server/gateway-registry";

let env: ApiTestEnv;
let mine = "";
let desk = "";
let queueId = "";

beforeAll(async () => {
  env = await createApiTestEnv();
  const db = env.runtime.db;
  mine = (await createExtensionRow(db, env.runtime.box, env.orgA.id, "102", { displayName: "Agent Ext", userId: env.agent.user.id, sipUsername: "102" })).id;
  desk = (await createExtensionRow(db, env.runtime.box, env.orgA.id, "103", { displayName: "Desk", sipUsername: "103" })).id;
  const queue = await db.queue.create({
    data: {
      organizationId: env.orgA.id,
      name: "support",
      members: {
        create: [
          { organizationId: env.orgA.id, extensionId: mine, interface: "PJSIP/102" },
          { organizationId: env.orgA.id, extensionId: desk, interface: "PJSIP/103" }
        ]
      }
    }
  });
  queueId = queue.id;
  await db.pauseReason.create({ data: { organizationId: env.orgA.id, label: "Lunch" } });
});
afterAll(async () => {
  registerCallControlGateway(undefined);
  await env?.close();
});

const change = async (extensionId: string, json: unknown, auth: Auth = env.agent.auth) =>
  readResponse(await agentStateRoute(apiRequest("POST", `/api/v1/agents/${extensionId}/state`, { auth, json }), idContext(extensionId)));
const member = (extensionId: string) => env.runtime.db.queueMember.findFirstOrThrow({ where: { extensionId } });

describe("agent state over REST, in an organization without a PBX that takes queue control", () => {
  it("checks policy, then the reason, then the agent's state; the change is recorded at once, as the asker's", async () => {
    expect(await change(mine, { action: "pause", reason: "Lunch" })).toMatchObject({
      status: 409,
      body: { error: { code: "conflict", message: "Agent Ext is not signed in; sign in before pausing" } }
    });
    expect(await change(mine, { action: "login" })).toMatchObject({
      status: 200,
      body: { data: { extensionId: mine, action: "login", message: "Agent Ext signed in to support" } }
    });
    expect(await member(mine)).toMatchObject({ loggedIn: true, state: "available" });

    const coffee = await change(mine, { action: "pause", reason: "Coffee" });
    expect(coffee).toMatchObject({
      status: 400,
      body: {
        error: {
          code: "bad_request",
          message: 'pause reason "Coffee" is not configured for this organization',
          fields: { reason: 'pause reason "Coffee" is not configured for this organization' }
        }
      }
    });
    expect(await change(mine, { action: "pause" })).toMatchObject({ status: 400, body: { error: { fields: { reason: "reason is required to pause" } } } });
    expect(await change(desk, { action: "login" })).toMatchObject({
      status: 403,
      body: { error: { message: "agents may only change their own queue state" } }
    });
    expect(await change(mine, { action: "login" }, env.customer.auth)).toMatchObject({
      status: 403,
      body: { error: { message: "your role cannot change agent states" } }
    });
    expect(await change(mine, { action: "login" }, env.otherAdmin.auth)).toMatchObject({ status: 404, body: { error: { message: "extension not found" } } });

    expect(await change(mine, { action: "pause", reason: "lunch" })).toMatchObject({ status: 200, body: { data: { message: "Agent Ext paused: Lunch" } } });
    expect(await member(mine)).toMatchObject({ paused: true, pauseReason: "Lunch", state: "paused" });
    const event = await env.runtime.database.raw.outboxEvent.findFirstOrThrow({
      where: { organizationId: env.orgA.id, type: "agent.state_changed" },
      orderBy: { seq: "desc" }
    });
    expect(event).toMatchObject({ actorId: env.agent.user.id });

    // A supervisor may change anyone's state in the organization.
    expect(await change(mine, { action: "unpause" }, env.supervisor.auth)).toMatchObject({ status: 200 });
    expect(await change(desk, { action: "login" }, env.supervisor.auth)).toMatchObject({ status: 200 });
    expect(await member(desk)).toMatchObject({ loggedIn: true });
  });

  it("lists queues to staff only, and a queue's outcomes by id", async () => {
    const list = await readResponse(await queuesRoute(apiRequest("GET", "/api/v1/queues", { auth: env.agent.auth })));
    expect(list.status).toBe(200);
    expect(list.body.data.map((q: { name: string }) => q.name)).toEqual(["support"]);
    expect((await readResponse(await queuesRoute(apiRequest("GET", "/api/v1/queues", { auth: env.customer.auth })))).status).toBe(403);
    const intervals = async (id: string, query = "", auth: Auth = env.agent.auth) =>
      readResponse(await intervalsRoute(apiRequest("GET", `/api/v1/queues/${id}/intervals${query}`, { auth }), idContext(id)));
    expect(await intervals(queueId, "?kind=day")).toMatchObject({ status: 200, body: { data: [] } });
    expect(await intervals(queueId, "?kind=week")).toMatchObject({ status: 400 });
    expect(await intervals(queueId, "", env.otherAdmin.auth)).toMatchObject({ status: 404, body: { error: { message: "queue not found" } } });
  });
});

describe("agent state over REST with an AMI connection", () => {
  it("goes to the PBX; the state changes when the PBX reports it; a connection that is down says so", async () => {
    const db = env.runtime.db;
    const ami = await startFakePbxFor(env, env.orgA.id, {
      lists: {
        QueueStatus: [
          { Event: "QueueParams", Queue: "support", Strategy: "ringall", ServiceLevel: "20" },
          { Event: "QueueMember", Queue: "support", Name: "Agent Ext", Location: "PJSIP/102", Status: "1", Paused: "0", InCall: "0" }
        ]
      }
    });
    const supervisor = new ConnectorSupervisor({ db, box: env.runtime.box, log: silentLog, egress: onPremEgress, refreshMs: 60_000 });
    const resynced = new Promise<void>((resolve) => supervisor.once("resynced", () => resolve()));
    await supervisor.start();
    await resynced;
    registerCallControlGateway(inProcessGateway(supervisor, 2000));
    try {
      expect(await change(mine, { action: "pause", reason: "Lunch" })).toMatchObject({ status: 200, body: { data: { message: "Agent Ext paused: Lunch" } } });
      expect(ami.actions.filter((a) => a.action === "QueuePause")).toEqual([
        expect.objectContaining({ interface: "PJSIP/102", paused: "true", reason: "Lunch" })
      ]);
      await vi.waitFor(async () => expect(await member(mine)).toMatchObject({ paused: true, pauseReason: "Lunch" }), { timeout: 10_000, interval: 50 });

      await supervisor.stop();
      await db.pbxConnection.update({ where: { organizationId: env.orgA.id }, data: { status: "disconnected" } });
      expect(await change(mine, { action: "unpause" })).toMatchObject({ status: 503, body: { error: { code: "unavailable", message: "PBX not connected" } } });
      expect(await member(mine)).toMatchObject({ paused: true });
    } finally {
      registerCallControlGateway(undefined);
      await supervisor.stop();
      await ami.close();
    }
  });
});
