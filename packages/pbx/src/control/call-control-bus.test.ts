import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { startPrivateRedis, type PrivateRedis } from "@switchboard/events/testing";
import { ConnectorSupervisor } from "../ami/connector-supervisor";
import type { CallControlRequest } from "../ami/call-control";
import { silentLog, onPremEgress } from "../testing/connector-harness";
import { FakeAmiServer } from "../testing/fake-ami-server";
import { readFixture } from "../testing/fixtures";
import { createPbxTestOrg } from "../testing/pbx-test-org";
import { waitForEmit } from "../testing/wait-for";
import { createRedisCallControlClient, serveCallControl } from "./call-control-bus";
import type { CallControlTarget } from "./call-control-gateway";

let redis: PrivateRedis;
let t: TestDatabase;
beforeAll(async () => {
  [redis, t] = await Promise.all([startPrivateRedis(), createTestDatabase({ poolSize: 4 })]);
});
afterAll(async () => {
  await redis?.stop();
  await t?.drop();
});

let prefixes = 0;
const bus = () => ({ url: redis.url, keyPrefix: `bus${++prefixes}`, log: silentLog });
const HANGUP: CallControlRequest = { action: "hangup", pbxCallId: "1767261600.1" };

/** A target that records what reached it: the bus, not the PBX, is under test here. */
function recordingTarget(owned: string[]) {
  const seen: { orgId: string; request: CallControlRequest }[] = [];
  let refreshes = 0;
  const target: CallControlTarget = {
    owns: (orgId) => owned.includes(orgId),
    control: async (orgId, request) => {
      seen.push({ orgId, request });
      return { ok: true, message: `done for ${orgId}` };
    },
    refresh: async () => {
      refreshes++;
    }
  };
  return { target, seen, refreshes: () => refreshes };
}

describe("call control over Redis", () => {
  it("a request reaches the supervisor owning the organization and its answer comes back", async () => {
    const options = bus();
    const { target, seen } = recordingTarget(["org-a"]);
    const server = await serveCallControl(target, options);
    const client = await createRedisCallControlClient(options);
    try {
      expect(await client.control("org-a", HANGUP)).toEqual({ ok: true, message: "done for org-a" });
      expect(seen).toEqual([{ orgId: "org-a", request: HANGUP }]);
    } finally {
      await client.close();
      await server.close();
    }
  });

  it("nobody serving → PBX not connected at once; serving but not owning → timeout", async () => {
    const options = bus();
    const client = await createRedisCallControlClient({ ...options, timeoutMs: 300 });
    const { target, seen } = recordingTarget(["org-a"]);
    try {
      expect(await client.control("org-a", HANGUP)).toEqual({ ok: false, code: "not_connected", error: "PBX not connected" });
      const server = await serveCallControl(target, options);
      try {
        expect(await client.control("org-b", HANGUP)).toEqual({ ok: false, code: "timeout", error: "the PBX did not answer in time" });
        expect(seen).toEqual([]);
      } finally {
        await server.close();
      }
    } finally {
      await client.close();
    }
  });

  it("Redis down → a clear not-connected error, not a hang", async () => {
    const own = await startPrivateRedis();
    const client = await createRedisCallControlClient({ url: own.url, keyPrefix: "down", log: silentLog, timeoutMs: 2000 });
    try {
      await own.kill();
      const result = await client.control("org-a", HANGUP);
      expect(result).toMatchObject({ ok: false, code: "not_connected" });
      expect(result.ok ? "" : result.error).toMatch(/Redis is unavailable/);
    } finally {
      await client.close();
      await own.stop();
    }
  });

  it("a process starts while Redis is down, answers not connected meanwhile, and controls calls once Redis is back", async () => {
    const own = await startPrivateRedis();
    await own.kill();
    const options = { url: own.url, keyPrefix: "late", log: silentLog };
    const client = await createRedisCallControlClient({ ...options, timeoutMs: 2000 });
    const server = await serveCallControl(recordingTarget(["org-a"]).target, options);
    try {
      expect(await client.control("org-a", HANGUP)).toMatchObject({ ok: false, code: "not_connected" });
      await own.restart();
      await expect.poll(() => client.control("org-a", HANGUP), { timeout: 15_000 }).toEqual({ ok: true, message: "done for org-a" });
    } finally {
      await client.close();
      await server.close();
      await own.stop();
    }
  });

  it("Redis restarted empty: both sides reconnect and resubscribe, and call control works again", async () => {
    const own = await startPrivateRedis();
    const options = { url: own.url, keyPrefix: "restarted", log: silentLog };
    const { target, seen } = recordingTarget(["org-a"]);
    const server = await serveCallControl(target, options);
    const client = await createRedisCallControlClient({ ...options, timeoutMs: 2000 });
    try {
      expect(await client.control("org-a", HANGUP)).toEqual({ ok: true, message: "done for org-a" });
      // A restart loses every subscription with the data: only a resubscribe brings requests and answers back.
      await own.restart();
      await expect.poll(() => client.control("org-a", HANGUP), { timeout: 15_000 }).toEqual({ ok: true, message: "done for org-a" });
      expect(seen.length).toBeGreaterThanOrEqual(2);
    } finally {
      await client.close();
      await server.close();
      await own.stop();
    }
  });

  it("refresh asks the serving supervisor to re-read its connections", async () => {
    const options = bus();
    const recorder = recordingTarget([]);
    let refreshed: () => void = () => undefined;
    const seen = new Promise<void>((resolve) => (refreshed = resolve));
    const server = await serveCallControl({ ...recorder.target, refresh: async () => refreshed() }, options);
    const client = await createRedisCallControlClient(options);
    try {
      await client.refresh();
      await seen;
    } finally {
      await client.close();
      await server.close();
    }
  });

  it("end to end: web → Redis → ConnectorSupervisor → AMI Hangup on the fake PBX", async () => {
    const options = bus();
    const ami = await FakeAmiServer.start({ username: "switchboard", secret: "ami-secret-123" });
    const { org } = await createPbxTestOrg(t.database.client, t.box, { port: ami.port });
    const supervisor = new ConnectorSupervisor({ db: t.database.client, box: t.box, log: silentLog, egress: onPremEgress, refreshMs: 60_000 });
    const resynced = waitForEmit(supervisor, "resynced", (orgId: string) => orgId === org.id);
    await supervisor.start();
    await resynced;
    const server = await serveCallControl(supervisor, options);
    const client = await createRedisCallControlClient(options);
    try {
      const fixture = readFixture("inbound-basic.ami");
      await ami.replay(fixture.slice(0, fixture.indexOf("Event: BridgeLeave")));
      await expect.poll(() => t.database.raw.call.findFirst({ where: { organizationId: org.id } }).then((c) => c?.state), { timeout: 15_000 }).toBe("answered");
      expect(await client.control(org.id, { action: "blind_transfer", pbxCallId: "1767261600.1", exten: "555" })).toMatchObject({
        code: "no_such_extension"
      });
      expect(await client.control(org.id, HANGUP)).toEqual({ ok: true, message: "Call hung up" });
      expect(ami.actions.filter((a) => a.action === "Hangup").map((a) => a.channel)).toEqual(["PJSIP/carrier-a-00000001", "PJSIP/102-00000002"]);
    } finally {
      await client.close();
      await server.close();
      await supervisor.stop();
      await ami.close();
    }
  });
});
