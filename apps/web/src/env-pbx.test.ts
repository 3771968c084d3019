import { afterEach, describe, expect, it, vi } from "vitest";
import { loadWebConfig } from "./env";

const base = { AUTH_SECRET: "a".repeat(40), SECRETS_KEY: "b".repeat(40), DATA_DIR: "/tmp/sb-env-test-unused" };

/** loadWebConfig stops the process on a bad variable; here that exit becomes a throw with what it printed. */
function refusal(source: Record<string, string>): string {
  const printed: string[] = [];
  vi.spyOn(console, "error").mockImplementation((message: string) => void printed.push(message));
  vi.spyOn(process, "exit").mockImplementation((code) => {
    throw new Error(`exit ${String(code)}`);
  });
  expect(() => loadWebConfig(source)).toThrow("exit 78");
  return printed.join("\n");
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("PBX settings in the web app's environment", () => {
  it("runs the connector in-process without Redis, apart with it; no simulator unless asked", () => {
    expect(loadWebConfig(base)).toMatchObject({ pbxConnector: "embedded", simulator: null });
    expect(loadWebConfig({ ...base, REDIS_URL: "redis://127.0.0.1:6379" })).toMatchObject({ pbxConnector: "external" });
    expect(loadWebConfig({ ...base, REDIS_URL: "redis://127.0.0.1:6379", PBX_CONNECTOR: "embedded" })).toMatchObject({ pbxConnector: "embedded" });
    expect(loadWebConfig({ ...base, PBX_CONNECTOR: "off" })).toMatchObject({ pbxConnector: "off" });
    expect(loadWebConfig({ ...base, SIMULATOR: "demo" })).toMatchObject({ simulator: { org: "demo", rate: 6 } });
    expect(loadWebConfig({ ...base, SIMULATOR: "demo", SIMULATOR_RATE: "30" })).toMatchObject({ simulator: { org: "demo", rate: 30 } });
  });

  it("refuses bad values, naming the variable", () => {
    expect(refusal({ ...base, PBX_CONNECTOR: "external" })).toContain("PBX_CONNECTOR: external needs REDIS_URL");
    expect(refusal({ ...base, PBX_CONNECTOR: "sometimes" })).toContain("PBX_CONNECTOR: must be embedded, external or off");
    expect(refusal({ ...base, SIMULATOR: "yes" })).toContain("SIMULATOR: must be off or demo");
    expect(refusal({ ...base, SIMULATOR_RATE: "0" })).toContain("SIMULATOR_RATE: must be greater than 0");
  });
});
