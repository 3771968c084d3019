import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization } from "@switchboard/db/seed";
import { readFixture, onPremEgress, type FakeAmiServer } from "@switchboard/pbx/testing";
import { createApiTestEnv, type ApiTestEnv } from "@/features/api/testing/api-test-env";
import { startFakePbxFor } from "@/features/api/testing/fake-pbx";
import { getCallControlGateway } from "@/features/call-control/server/gateway-registry";
import { startPbxServices } from "./pbx-services";

const OPS_TOKEN = "pbx-services-ops-token-0123456789";
const OPS_AUTH = { authorization: `Bearer ${OPS_TOKEN}` };

let env: ApiTestEnv;
let ami: FakeAmiServer;
let demoOrgId: string;
beforeAll(async () => {
  env = await createApiTestEnv();
  ami = await startFakePbxFor(env, env.orgA.id);
  demoOrgId = (await createOrganization(env.runtime.db, { slug: "demo", name: "Demo" })).id;
});
afterAll(async () => {
  await ami?.close();
  await env?.close();
});

describe("PBX services in the web process (PBX_CONNECTOR=embedded, SIMULATOR=demo)", () => {
  it("runs the supervisor here, registers in-process call control, simulates the demo org, and counts bad input on GET /pbx/stats", async () => {
    expect(env.runtime.config.pbxConnector).toBe("embedded");
    // The fake PBX listens on loopback: as an on-premises install (OUTBOUND_ALLOW_PRIVATE=true) would allow.
    const runtime = {
      ...env.runtime,
      egress: onPremEgress,
      config: { ...env.runtime.config, opsToken: OPS_TOKEN, simulator: { org: "demo" as const, rate: 1, byDefault: false } }
    };
    const pbx = await startPbxServices(runtime, pino({ level: "silent" }));
    const http = createServer((req, res) => {
      if (!pbx.handleOpsRequest(req, res)) res.writeHead(404).end();
    });
    http.listen(0, "127.0.0.1");
    await once(http, "listening");
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/pbx/stats`;
    try {
      expect(getCallControlGateway().kind).toBe("in-process");
      expect(pbx.simulating).toEqual({ org: "demo", byDefault: false });
      // The simulated organization is controlled through the simulator; others only through AMI.
      expect(getCallControlGateway().simulates?.(demoOrgId)).toBe(true);
      expect(getCallControlGateway().simulates?.(env.orgA.id)).toBe(false);
      expect(await getCallControlGateway().control(demoOrgId, { action: "hangup", pbxCallId: "not-simulated" })).toMatchObject({ code: "not_connected" });
      const connected = async () => (await env.runtime.db.pbxConnection.findUniqueOrThrow({ where: { organizationId: env.orgA.id } })).status;
      await expect.poll(connected, { timeout: 15_000 }).toBe("connected");
      await ami.replay(readFixture("bad-input.ami"));
      await expect
        .poll(
          async () => ((await (await fetch(url, { headers: OPS_AUTH })).json()) as { pbx: { totals: { unknownChannels: number } } }).pbx.totals.unknownChannels,
          { timeout: 15_000 }
        )
        .toBe(5);
      const { pbx: stats } = (await (await fetch(url, { headers: OPS_AUTH })).json()) as {
        pbx: { totals: Record<string, number>; simulator: unknown; connections: Record<string, unknown> };
      };
      expect(stats.totals).toMatchObject({ garbageLines: 3, malformedFrames: 1, unknownEvents: 1 });
      expect(Object.keys(stats.connections)).toEqual([env.orgA.id]);
      expect(stats.simulator).toMatchObject({ callsStarted: expect.any(Number) });
      expect(await getCallControlGateway().control(env.orgB.id, { action: "hangup", pbxCallId: "x" })).toEqual({
        ok: false,
        code: "not_connected",
        error: "PBX not connected"
      });
    } finally {
      http.close();
      await pbx.close();
    }
    expect(getCallControlGateway().kind).toBe("off");
  });
});
