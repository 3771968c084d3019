import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { buildServers, SERVER_ENTRIES } from "../build-servers.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

type Entry = { name: string; outfile: string };

/** Runs a compiled entry from its package folder (as the image does) with only `env`; resolves with its exit code and output. */
function run(entry: Entry, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const outfile = path.join(root, entry.outfile);
  const cwd = path.dirname(path.dirname(outfile));
  const child = spawn(process.execPath, [outfile], { cwd, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

// The configuration each compiled server must refuse by name: proof that the bundle loads its
// code (workspace packages included) up to the environment check, without tsx.
const refusals: Record<string, { env: Record<string, string>; names: string[] }> = {
  realtime: { env: {}, names: ["REDIS_URL", "DATABASE_URL", "AUTH_SECRET"] },
  worker: { env: {}, names: ["DATABASE_URL", "SECRETS_KEY"] },
  "pbx-connect": { env: { DATABASE_URL: "postgres://127.0.0.1:1/none" }, names: ["SECRETS_KEY"] },
  web: { env: { DATABASE_URL: "postgres://127.0.0.1:1/none" }, names: ["AUTH_SECRET", "SECRETS_KEY"] }
};

describe("compiled server entries", () => {
  beforeAll(async () => {
    await buildServers();
  }, 120_000);

  it("has a refusal to check for every entry", () => {
    expect((SERVER_ENTRIES as Entry[]).map((e) => e.name).sort()).toEqual(Object.keys(refusals).sort());
  });

  it.each((SERVER_ENTRIES as Entry[]).map((e) => [e.name, e] as const))(
    "%s runs as JavaScript and names the missing variables",
    async (name, entry) => {
      const expected = refusals[name];
      if (!expected) throw new Error(`no refusal for ${name}`);
      const { code, output } = await run(entry, expected.env);
      expect(output).toContain("invalid environment");
      for (const variable of expected.names) expect(output).toContain(`${variable}:`);
      expect(code).not.toBe(0);
    },
    60_000
  );
});
