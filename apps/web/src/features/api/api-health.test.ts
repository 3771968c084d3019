import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "@switchboard/db";
import { GET } from "@/app/api/v1/health/route";
import { healthResponse } from "./health";
import { createApiTestEnv, type ApiTestEnv } from "./testing/api-test-env";
import { apiRequest, readResponse } from "./testing/api-request";

let env: ApiTestEnv;
beforeAll(async () => {
  env = await createApiTestEnv();
});
afterAll(async () => {
  await env?.close();
});

function memoryLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    }
  });
  return { lines, log: () => pino({ level: "info" }, stream) };
}

describe("GET /api/v1/health", () => {
  it("answers 200 without credentials when the database answers", async () => {
    const res = await readResponse(await GET(apiRequest("GET", "/api/v1/health")));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", database: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database is unreachable, and logs why", async () => {
    // A real client pointed at a port nothing listens on.
    const unreachable = createDatabase({ kind: "postgres", url: "postgresql://root@127.0.0.1:1/none", poolSize: 1 });
    const { lines, log } = memoryLogger();
    try {
      const res = await readResponse(await healthResponse(() => unreachable.raw.$queryRaw`SELECT 1`, log));
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: "error", database: "unreachable" });
      expect(lines.join("")).toContain("database unreachable");
    } finally {
      await unreachable.close();
    }
  });

  it("answers 503 when the database does not answer in time", async () => {
    const { log } = memoryLogger();
    const res = await readResponse(await healthResponse(() => new Promise(() => undefined), log, 50));
    expect(res.status).toBe(503);
  });
});
