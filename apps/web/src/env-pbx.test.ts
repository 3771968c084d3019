import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
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
  it("runs the connector in-process without Redis, apart with it", () => {
    expect(loadWebConfig(base)).toMatchObject({ pbxConnector: "embedded" });
    expect(loadWebConfig({ ...base, REDIS_URL: "redis://127.0.0.1:6379" })).toMatchObject({ pbxConnector: "external" });
    expect(loadWebConfig({ ...base, REDIS_URL: "redis://127.0.0.1:6379", PBX_CONNECTOR: "embedded" })).toMatchObject({ pbxConnector: "embedded" });
    expect(loadWebConfig({ ...base, PBX_CONNECTOR: "off" })).toMatchObject({ pbxConnector: "off" });
  });

  it("simulates the embedded demo by default, a real installation only when asked", () => {
    const database = { DATABASE_URL: "postgresql://u@localhost/db" };
    expect(loadWebConfig(base).simulator).toEqual({ org: "demo", rate: 6, byDefault: true });
    expect(loadWebConfig({ ...base, SIMULATOR_RATE: "30" }).simulator).toEqual({ org: "demo", rate: 30, byDefault: true });
    expect(loadWebConfig({ ...base, SIMULATOR: "off" }).simulator).toBeNull();
    expect(loadWebConfig({ ...base, SEED_DEMO: "false" }).simulator).toBeNull();
    expect(loadWebConfig({ ...base, ...database }).simulator).toBeNull();
    expect(loadWebConfig({ ...base, ...database, SIMULATOR: "demo" }).simulator).toEqual({ org: "demo", rate: 6, byDefault: false });
    expect(loadWebConfig({ ...base, SEED_DEMO: "false", SIMULATOR: "demo" }).simulator).toEqual({ org: "demo", rate: 6, byDefault: false });
  });

  it("refuses bad values, naming the variable", () => {
    expect(refusal({ ...base, PBX_CONNECTOR: "external" })).toContain("PBX_CONNECTOR: external needs REDIS_URL");
    expect(refusal({ ...base, PBX_CONNECTOR: "sometimes" })).toContain("PBX_CONNECTOR: must be embedded, external or off");
    expect(refusal({ ...base, SIMULATOR: "yes" })).toContain("SIMULATOR: must be off or demo");
    expect(refusal({ ...base, SIMULATOR_RATE: "0" })).toContain("SIMULATOR_RATE: must be greater than 0");
  });

  it("names an embedded data folder it cannot write to", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sb-env-test-")), "not-a-folder");
    writeFileSync(file, "");
    expect(refusal({ ...base, DATA_DIR: file })).toContain(`DATA_DIR: cannot write to ${file} (a file is in the way)`);
    rmSync(path.dirname(file), { recursive: true });
  });
});
