import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createExtensionRow } from "@switchboard/db/seed";
import { ConnectorSupervisor, inProcessGateway } from "@switchboard/pbx";
import { readFixture, silentLog, onPremEgress, type FakeAmiServer } from "@switchboard/pbx/testing";
import { POST as hangupRoute } from "@/app/api/v1/calls/[id]/hangup/route";
import { POST as transferRoute } from "@/app/api/v1/calls/[id]/transfer/route";
import { apiRequest, idContext, readResponse } from "@/features/api/testing/api-request";
import { createApiTestEnv, type ApiTestEnv, type Auth } from "@/features/api/testing/api-test-env";
import { startFakePbxFor } from "@/features/api/testing/fake-pbx";
import { registerCallControlGateway } from "./server/gateway-registry";

let env: ApiTestEnv;
let ami: FakeAmiServer;
let supervisor: ConnectorSupervisor;
let callId: string;
const PBX_CALL = "1767261600.1";
const fixture = readFixture("inbound-basic.ami");

beforeAll(async () => {
  env = await createApiTestEnv();
  const db = env.runtime.db;
  for (const number of ["101", "102", "103"]) await createExtensionRow(db, env.runtime.box, env.orgA.id, number);
  ami = await startFakePbxFor(env, env.orgA.id);
  supervisor = new ConnectorSupervisor({ db, box: env.runtime.box, log: silentLog, egress: onPremEgress, refreshMs: 60_000 });
  const resynced = new Promise<void>((resolve) => supervisor.once("resynced", () => resolve()));
  await supervisor.start();
  await resynced;
  registerCallControlGateway(inProcessGateway(supervisor, 500));
  // An inbound call, answered by 102 (the fixture up to the hang-up).
  await ami.replay(fixture.slice(0, fixture.indexOf("Event: BridgeLeave")));
  const answered = await vi.waitFor(
    async () => {
      const call = await db.call.findFirst({ where: { organizationId: env.orgA.id, pbxCallId: PBX_CALL, state: "answered" } });
      if (!call) throw new Error("the fixture's call is not answered yet");
      return call;
    },
    { timeout: 10_000, interval: 50 }
  );
  callId = answered.id;
});
afterAll(async () => {
  registerCallControlGateway(undefined);
  await supervisor?.stop();
  await ami?.close();
  await env?.close();
});

// A bodiless POST, sent as the console's own page sends it (cookie sessions need that; see cross-site.ts).
const hangup = async (id: string, auth: Auth = env.admin.auth) =>
  readResponse(await hangupRoute(apiRequest("POST", `/api/v1/calls/${id}/hangup`, { auth, headers: { "sec-fetch-site": "same-origin" } }), idContext(id)));
const transfer = async (id: string, body: unknown, auth: Auth = env.admin.auth) =>
  readResponse(await transferRoute(apiRequest("POST", `/api/v1/calls/${id}/transfer`, { auth, json: body }), idContext(id)));
const amiActions = (name: string) => ami.actions.filter((a) => a.action === name);

describe("POST /api/v1/calls/{id}/hangup|transfer — error paths", () => {
  it("401 without credentials; 403 for agents and customers, before anything reaches the PBX", async () => {
    expect((await hangup(callId, null)).status).toBe(401);
    for (const user of [env.agent, env.customer]) {
      const res = await hangup(callId, user.auth);
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({ code: "forbidden", message: "only admins and supervisors may hang up or transfer calls" });
      expect((await transfer(callId, { extension: "103" }, user.auth)).status).toBe(403);
    }
    expect(amiActions("Hangup")).toEqual([]);
  });

  it("404 for an unknown id, a malformed id, and another organization's call", async () => {
    expect((await hangup("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await hangup("not-a-uuid")).body.error).toEqual({ code: "not_found", message: "call not found" });
    expect((await hangup(callId, env.otherAdmin.auth)).status).toBe(404);
    expect((await transfer(callId, { extension: "103" }, env.otherAdmin.auth)).status).toBe(404);
  });

  it("400 naming the field: bad extension, missing extension, unknown field, no such extension", async () => {
    const bad = await transfer(callId, { extension: "10a" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({ extension: "extension must be 1–32 digits (0-9 * # +)" });
    expect((await transfer(callId, {})).body.error.fields).toEqual({ extension: "extension is required" });
    expect((await transfer(callId, { extension: "103", to: "x" })).body.error.fields).toEqual({ to: "is not allowed" });
    const missing = await transfer(callId, { extension: "999" });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toEqual({ code: "bad_request", message: "no such extension 999", fields: { extension: "no such extension 999" } });
    expect(amiActions("BlindTransfer")).toEqual([]);
  });

  it("503 PBX not connected for a call of an organization without a connected AMI session", async () => {
    const other = await env.runtime.db.call.create({
      data: { organizationId: env.orgB.id, pbxCallId: "b-1", direction: "inbound", state: "answered", fromNumber: "1", toNumber: "2", startedAt: new Date() }
    });
    const res = await hangup(other.id, env.otherAdmin.auth);
    expect(res.status).toBe(503);
    expect(res.body.error).toEqual({ code: "unavailable", message: "PBX not connected" });
  });

  it("504 when the PBX does not answer in time; 502 when it refuses", async () => {
    ami.script("BlindTransfer", "stall");
    const slow = await transfer(callId, { extension: "103" });
    expect(slow.status).toBe(504);
    expect(slow.body.error.message).toBe("the PBX did not answer in time");
    ami.script("BlindTransfer", { Response: "Error", Message: "Transfer failed" });
    const refused = await transfer(callId, { extension: "103" }, env.supervisor.auth);
    expect(refused.status).toBe(502);
    expect(refused.body.error.message).toBe("the PBX refused: Transfer failed");
    ami.script("BlindTransfer", { Response: "Success", Message: "Transfer succeeded" });
  });

  it("200 on success (AMI action sent), then 409 call already ended", async () => {
    const moved = await transfer(callId, { extension: "103" }, env.supervisor.cookie);
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ data: { callId, action: "transfer", message: "Transfer succeeded" } });
    expect(amiActions("BlindTransfer").at(-1)).toMatchObject({ channel: "PJSIP/102-00000002", exten: "103" });

    const done = await hangup(callId);
    expect(done.status).toBe(200);
    expect(done.body.data.message).toBe("Call hung up");
    expect(amiActions("Hangup").map((a) => a.channel)).toEqual(["PJSIP/carrier-a-00000001", "PJSIP/102-00000002"]);
    await expect.poll(() => env.runtime.db.call.findUniqueOrThrow({ where: { id: callId } }).then((c) => c.state), { timeout: 15_000 }).toBe("ended");
    const again = await hangup(callId);
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: "conflict", message: "call already ended" });
  });
});
