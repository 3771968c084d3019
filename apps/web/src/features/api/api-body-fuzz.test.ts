import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestLimits } from "@/server/request-limits";
import { apiRequest, readResponse } from "./testing/api-request";
import { createApiTestEnv, type ApiTestEnv } from "./testing/api-test-env";
import { resourceSpecs } from "./testing/resource-specs";

let env: ApiTestEnv;
beforeAll(async () => {
  env = await createApiTestEnv();
  // Thousands of calls by one admin: the rate limit is not what this test is about.
  const many = 1_000_000;
  env.runtime.limits = createRequestLimits({ apiPerUser: many, apiPerAddress: many, pbxWebhookPerIntegration: many, windowSeconds: 60 });
});
afterAll(async () => {
  await env?.close();
});

const hostile = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "9".repeat(300), "", " ", "udp", "tls", "101"),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.anything({ maxDepth: 2 })
);

async function written() {
  const db = env.testDb.database.raw;
  const [extensions, trunks, events] = await Promise.all([db.extension.count(), db.trunk.count(), db.outboxEvent.count()]);
  return { extensions, trunks, events };
}

describe.each(resourceSpecs)("POST $path under fuzzing", (spec) => {
  it("answers every body with a 201 or a 4xx naming the problem, never a 500, and a refusal writes nothing", { timeout: 120_000 }, async () => {
    const fields = Object.keys(spec.validBody(0).body).concat(["transport", "enabled", "codecs", "id"]);
    // Valid bodies with hostile values in some fields (deep paths), and anything at all.
    const mutated = fc
      .tuple(fc.nat(), fc.dictionary(fc.constantFrom(...fields), hostile, { maxKeys: 3 }))
      .map(([n, overrides]) => JSON.stringify({ ...spec.validBody(10_000 + (n % 50_000)).body, ...overrides }));
    const body = fc.oneof(mutated, fc.json({ maxDepth: 3 }), fc.string({ unit: "binary", maxLength: 200 }));
    await fc.assert(
      fc.asyncProperty(body, async (raw) => {
        const before = await written();
        const request = apiRequest("POST", spec.path, { auth: env.admin.auth, body: raw, headers: { "content-type": "application/json" } });
        const res = await readResponse(await spec.collection.POST(request));
        expect([201, 400, 409, 413]).toContain(res.status);
        if (res.status !== 201) {
          expect(res.body.error.message).toEqual(expect.any(String));
          expect(await written()).toEqual(before);
        }
      }),
      // NUL in every text field at least once: PostgreSQL cannot store it.
      {
        numRuns: 150,
        endOnFailure: true,
        examples: Object.keys(spec.validBody(0).body).map((field) => [JSON.stringify({ ...spec.validBody(60_001).body, [field]: "a\u0000b" })])
      }
    );
  });
});
