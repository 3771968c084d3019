import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { coreEnvSchema, resolveCoreConfig } from "./core-env";
import { parseEnv } from "./parse-env";
import { findDataDirProblem, findPortProblem } from "./startup-checks";

const scratch = mkdtempSync(path.join(tmpdir(), "sb-startup-checks-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("findDataDirProblem", () => {
  it("accepts an existing writable folder and leaves nothing behind in it", () => {
    const dir = mkdtempSync(path.join(scratch, "ok-"));
    expect(findDataDirProblem(dir)).toBeNull();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("accepts a folder that does not exist yet under a writable one, without creating it", () => {
    const dir = path.join(scratch, "later", "data");
    expect(findDataDirProblem(dir)).toBeNull();
    expect(readdirSync(scratch)).not.toContain("later");
  });

  it("names DATA_DIR and the reason when a file is in the way", () => {
    const file = path.join(scratch, "a-file");
    writeFileSync(file, "");
    expect(findDataDirProblem(file)).toBe(
      `DATA_DIR: cannot write to ${file} (a file is in the way); set DATA_DIR to a folder you can write to, or fix its permissions`
    );
    expect(findDataDirProblem(path.join(file, "data"))).toContain("(a file is in the way)");
  });

  it("stops resolveCoreConfig with the same problem when the embedded mode would write there", () => {
    const file = path.join(scratch, "in-the-way");
    writeFileSync(file, "");
    const env = parseEnv(coreEnvSchema, { DATA_DIR: file });
    expect(() => resolveCoreConfig(env, scratch)).toThrow(/^cannot start:\n {2}- DATA_DIR: cannot write to .*in-the-way \(a file is in the way\)/);
    // A real database with its secrets given never touches DATA_DIR.
    const cluster = parseEnv(coreEnvSchema, { DATA_DIR: file, DATABASE_URL: "postgres://x/y", AUTH_SECRET: "a".repeat(32), SECRETS_KEY: "b".repeat(32) });
    expect(resolveCoreConfig(cluster, scratch).database.kind).toBe("postgres");
  });
});

describe("findPortProblem", () => {
  it("names a port another program listens on, and passes a free one", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      expect(await findPortProblem("127.0.0.1", port)).toBe(
        `PORT: 127.0.0.1:${port} is already in use by another program; stop it, or choose another port (e.g. PORT=${port + 1})`
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
    expect(await findPortProblem("127.0.0.1", port)).toBeNull();
  });

  it("names a host that is not this machine's", async () => {
    expect(await findPortProblem("192.0.2.1", 3000)).toMatch(/^HOST: 192\.0\.2\.1 is not an address of this machine/);
  });
});
