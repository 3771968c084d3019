import { describe, expect, it } from "vitest";
import { z } from "zod";
import { coreEnvSchema } from "./core-env";
import { EnvError, parseEnv } from "./parse-env";

describe("parseEnv", () => {
  it("names the offending variable", () => {
    try {
      parseEnv(coreEnvSchema, { DATABASE_URL: "mysql://nope", REDIS_URL: "http://x" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as Error).message;
      expect(message).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
      expect(message).toContain("REDIS_URL: must be a redis:// or rediss:// URL");
    }
  });

  it("requires secrets when a real database is configured", () => {
    expect(() => parseEnv(coreEnvSchema, { DATABASE_URL: "postgres://x/y" })).toThrow(/AUTH_SECRET: is required when DATABASE_URL is set/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv(z.object({ A: z.string().default("d") }), { A: "" })).toEqual({ A: "d" });
  });
});
