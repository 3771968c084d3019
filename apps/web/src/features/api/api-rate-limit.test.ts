import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrivateRedis, type PrivateRedis } from "@switchboard/events/testing";
import { createPbxWebhook, signWebhook } from "@switchboard/pbx";
import { POST as pbxWebhook } from "@/app/api/pbx/webhooks/[publicId]/route";
import * as extensions from "@/app/api/v1/extensions/route";
import { CLIENT_IP_HEADER } from "@/server/client-ip";
import { createRequestLimits, type RequestLimits, type RequestLimitSettings } from "@/server/request-limits";
import { apiRequest, readResponse } from "./testing/api-request";
import { createApiTestEnv, type ApiTestEnv, type Auth } from "./testing/api-test-env";

let env: ApiTestEnv;
let redis: PrivateRedis;
let original: RequestLimits;
const opened: RequestLimits[] = [];

beforeAll(async () => {
  env = await createApiTestEnv();
  redis = await startPrivateRedis();
  original = env.runtime.limits;
});
afterAll(async () => {
  if (env) env.runtime.limits = original;
  for (const limits of opened) await limits.close();
  await redis?.stop();
  await env?.close();
});

/** Limits as a web process of the cluster makes them: in the shared Redis, under a prefix of this test's own. */
async function clusterLimits(settings: Partial<RequestLimitSettings>, keyPrefix: string): Promise<RequestLimits> {
  const limits = createRequestLimits(
    { apiPerUser: 1000, apiPerAddress: 1000, pbxWebhookPerIntegration: 1000, windowSeconds: 60, ...settings },
    { url: redis.url, keyPrefix }
  );
  opened.push(limits);
  await limits.ready();
  return limits;
}

async function list(auth: Auth, address = "198.51.100.1") {
  return readResponse(await extensions.GET(apiRequest("GET", "/api/v1/extensions", { auth, headers: { [CLIENT_IP_HEADER]: address } })));
}

function expectLimited(res: Awaited<ReturnType<typeof list>>) {
  expect(res.status).toBe(429);
  expect(res.body.error.code).toBe("rate_limited");
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.body.error.message).toBe(`too many requests: try again in ${retryAfter} s`);
}

describe("REST rate limits", () => {
  it("answer 429 with Retry-After past a user's limit, counted across web processes in Redis, per user", async () => {
    const prefix = `rl-${randomBytes(4).toString("hex")}`;
    const processA = await clusterLimits({ apiPerUser: 3 }, prefix);
    const processB = await clusterLimits({ apiPerUser: 3 }, prefix);
    env.runtime.limits = processA;
    expect((await list(env.admin.auth)).status).toBe(200);
    expect((await list(env.admin.cookie)).status).toBe(200);
    env.runtime.limits = processB;
    expect((await list(env.admin.auth)).status).toBe(200);
    expectLimited(await list(env.admin.auth));
    env.runtime.limits = processA;
    expectLimited(await list(env.admin.cookie));
    expect((await list(env.supervisor.auth)).status).toBe(200);
  });

  it("count an address before its credentials are checked", async () => {
    env.runtime.limits = await clusterLimits({ apiPerAddress: 2 }, `rl-${randomBytes(4).toString("hex")}`);
    expect((await list(null, "203.0.113.7")).status).toBe(401);
    expect((await list({ token: "sbk_guess" }, "203.0.113.7")).status).toBe(401);
    expectLimited(await list(env.admin.auth, "203.0.113.7"));
    expect((await list(env.admin.auth, "203.0.113.8")).status).toBe(200);
  });

  it("limit each PBX webhook integration on its own, before the body is read", async () => {
    env.runtime.limits = await clusterLimits({ pbxWebhookPerIntegration: 2 }, `rl-${randomBytes(4).toString("hex")}`);
    const { publicId, secret } = await createPbxWebhook(env.runtime.db, env.runtime.box, env.orgA.id);
    const other = await createPbxWebhook(env.runtime.db, env.runtime.box, env.orgB.id);
    const deliver = async (to: string, key: string) => {
      const raw = JSON.stringify({ id: `rl-${randomBytes(6).toString("hex")}`, type: "call.started", occurredAt: new Date().toISOString(), data: {} });
      const request = apiRequest("POST", `/api/pbx/webhooks/${to}`, { body: raw, headers: { "content-type": "application/json", ...signWebhook(key, raw) } });
      return readResponse(await pbxWebhook(request, { params: Promise.resolve({ publicId: to }) }));
    };
    for (let i = 0; i < 2; i++) expect((await deliver(publicId, secret)).status).toBe(400);
    expectLimited(await deliver(publicId, secret));
    expect((await deliver(other.publicId, other.secret)).status).toBe(400);
  });

  it("let requests through when Redis is down (each process counts in memory meanwhile)", async () => {
    const limits = await clusterLimits({ apiPerUser: 2 }, `rl-${randomBytes(4).toString("hex")}`);
    env.runtime.limits = limits;
    await redis.kill();
    try {
      expect((await list(env.agent.auth)).status).toBe(200);
      expect((await list(env.agent.auth)).status).toBe(200);
      expectLimited(await list(env.agent.auth));
    } finally {
      await redis.restart();
    }
  });
});
