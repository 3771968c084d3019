import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@switchboard/config";
import { realtimeEnvSchema } from "./env";

const base = { DATABASE_URL: "postgresql://u@localhost/db", REDIS_URL: "redis://localhost:6379", AUTH_SECRET: "x".repeat(32) };

function problems(source: Record<string, string>): string[] {
  try {
    parseEnv(realtimeEnvSchema, source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("realtime env", () => {
  it("applies defaults and splits CORS origins", () => {
    const env = parseEnv(realtimeEnvSchema, { ...base, CORS_ORIGINS: "https://a.example.com/, http://b.example.com:3000" });
    expect(env.PORT).toBe(4000);
    expect(env.CORS_ORIGINS).toEqual(["https://a.example.com", "http://b.example.com:3000"]);
    expect(env.RETENTION_MAX_EVENTS).toBe(10_000);
    expect(env.RELAY).toBe("on");
    expect(env.LISTEN_BACKLOG).toBe(4096);
  });

  it("names the variable a standalone node cannot run without", () => {
    expect(problems({ ...base, REDIS_URL: "" }).join("\n")).toMatch(/^REDIS_URL: is required/m);
    expect(problems({ ...base, DATABASE_URL: "" }).join("\n")).toMatch(/^DATABASE_URL: is required/m);
    expect(problems({ ...base, CORS_ORIGINS: "not a url" }).join("\n")).toMatch(/^CORS_ORIGINS/m);
    expect(problems({ ...base, NODE_ID: "a|b" }).join("\n")).toMatch(/^NODE_ID/m);
    expect(problems({ ...base, RELAY: "maybe" }).join("\n")).toMatch(/^RELAY: must be on or off/m);
    expect(problems({ ...base, LISTEN_BACKLOG: "0" }).join("\n")).toMatch(/^LISTEN_BACKLOG/m);
  });
});
