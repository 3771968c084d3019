import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { DomainError } from "@switchboard/db";
import { payloadTooLarge, unauthorized } from "./api-error";
import { toErrorResponse } from "./map-error";
import { readResponse } from "./testing/api-request";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    }
  });
  const logger = pino({ level: "info" }, stream);
  return { lines, log: () => logger };
}

describe("toErrorResponse", () => {
  it.each([
    [new DomainError("bad_request", "invalid input — number: bad", { number: "bad" }), 400],
    [new DomainError("forbidden", "no"), 403],
    [new DomainError("not_found", "extension not found"), 404],
    [new DomainError("conflict", "taken", { number: "taken" }), 409],
    [new DomainError("rate_limited", "slow down"), 429]
  ])("maps DomainError %s to %i with its message and fields", async (error, status) => {
    const { lines, log } = capture();
    const res = await readResponse(toErrorResponse(error, log));
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(lines).toEqual([]);
  });

  it("recognises a DomainError from another copy of the module by its shape", async () => {
    const foreign = Object.assign(new Error("extension not found"), { name: "DomainError", code: "not_found" });
    expect((await readResponse(toErrorResponse(foreign, capture().log))).status).toBe(404);
  });

  it("keeps the API's own status and headers", async () => {
    const res = await readResponse(toErrorResponse(unauthorized("no", "invalid_token"), capture().log));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="switchboard", error="invalid_token"');
    expect((await readResponse(toErrorResponse(payloadTooLarge(64 * 1024), capture().log))).body.error.message).toBe("request body is larger than 64 KB");
  });

  it("answers anything else with a generic 500, logging the error (stack included) under a reference", async () => {
    const { lines, log } = capture();
    const error = new Error("connection to 10.0.0.5 failed: password authentication failed for user sb");
    const res = await readResponse(toErrorResponse(error, log, { method: "POST", path: "/api/v1/extensions" }));
    expect(res.status).toBe(500);
    expect(res.body.error.code).toBe("internal");
    expect(res.text).not.toContain("10.0.0.5");
    expect(res.text).not.toContain("at ");
    const reference = /reference ([0-9a-f-]{36})/.exec(res.body.error.message)?.[1];
    expect(reference).toBeDefined();
    const logged = JSON.parse(lines[0] ?? "{}");
    expect(logged).toMatchObject({ level: 50, reference, method: "POST", path: "/api/v1/extensions", err: { message: error.message } });
    expect(logged.err.stack).toContain("map-error.test.ts");
  });
});
