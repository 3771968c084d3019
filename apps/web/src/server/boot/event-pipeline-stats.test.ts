import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiTestEnv, type ApiTestEnv } from "@/features/api/testing/api-test-env";
import { startWebEventPipeline } from "./event-pipeline";

const OPS_TOKEN = "embedded-ops-token-0123456789";

let env: ApiTestEnv;
beforeAll(async () => {
  env = await createApiTestEnv();
});
afterAll(async () => {
  await env?.close();
});

describe("embedded ops /realtime/stats", () => {
  it("carries the realtime node's stats and the PBX section of this process, for the ops token only", async () => {
    expect(env.runtime.config.embeddedRealtime).toBe(true);
    const http = createServer();
    const pbx = { totals: { garbageLines: 3, unknownChannels: 5 } };
    const pipeline = await startWebEventPipeline(
      { ...env.runtime, config: { ...env.runtime.config, opsToken: OPS_TOKEN } },
      http,
      pino({ level: "silent" }),
      () => ({ pbx })
    );
    http.on("request", (req, res) => {
      if (!pipeline.handleOpsRequest(req, res)) res.writeHead(404).end();
    });
    http.listen(0, "127.0.0.1");
    await once(http, "listening");
    const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      for (const path of ["/realtime/stats", "/realtime/metrics"]) expect((await fetch(`${base}${path}`)).status).toBe(401);
      const stats = (await (await fetch(`${base}/realtime/stats`, { headers: { authorization: `Bearer ${OPS_TOKEN}` } })).json()) as Record<string, unknown>;
      expect(stats.pbx).toEqual(pbx);
      expect(stats).toHaveProperty("nodeId");
      expect((await fetch(`${base}/realtime/healthz`)).status).toBe(200);
    } finally {
      await pipeline.close();
      http.close();
    }
  });
});
