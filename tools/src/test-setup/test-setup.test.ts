import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findPostgresBinDir, findRedisServer } from "./find-programs";
import { detectPlatform } from "./install-hint";
import { probePostgres, probeRedis } from "./probe-services";

const toolsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const launcher = path.join(toolsDir, "test-setup.mjs");
const scratch = mkdtempSync(path.join(tmpdir(), "sb-test-setup-"));
// A private PostgreSQL started as root runs as another account, which must reach its folder.
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const canStartPrivateServers = Boolean(
  findPostgresBinDir({ pgBinDir: undefined, path: process.env.PATH ?? "" }) && findRedisServer({ redisServerBin: undefined, path: process.env.PATH ?? "" })
);
const seesProcesses = process.platform === "linux";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A sandbox per run: its own TMPDIR (to see what is left there) and a mark every process it starts inherits. */
function sandbox(env: Record<string, string>) {
  const tmp = mkdtempSync(path.join(scratch, "tmp-"));
  chmodSync(tmp, 0o755);
  const mark = `sb-test-setup-${randomBytes(6).toString("hex")}`;
  const full: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp, SB_TEST_SETUP_MARK: mark, ...env };
  for (const key of ["TEST_DATABASE_URL", "TEST_REDIS_URL", "TEST_PG_BINDIR", "REDIS_SERVER_BIN", "CHROMIUM_PATH"]) if (!(key in env)) delete full[key];
  return { tmp, mark, env: full };
}

function runSetup(args: string[], env: NodeJS.ProcessEnv, started?: (child: ChildProcess) => void): Promise<Run> {
  const begun = Date.now();
  const child = spawn(process.execPath, [launcher, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  started?.(child);
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr, ms: Date.now() - begun })));
}

/** Processes still alive that carry the sandbox's mark (Linux: /proc). */
function leftoverProcesses(mark: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, "latin1").includes(mark))
        found.push(`${pid}: ${readFileSync(`/proc/${pid}/cmdline`, "latin1").replaceAll("\0", " ")}`);
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === "object" && address ? address.port : 1;
}

async function expectNothingLeft(box: { tmp: string; mark: string }): Promise<void> {
  // tsx keeps its compile cache in TMPDIR (tsx-<uid>): not something the set-up started.
  expect(readdirSync(box.tmp).filter((name) => !name.startsWith("tsx-"))).toEqual([]);
  // tsx's esbuild service (a child of the set-up's own process) ends when it sees its parent's
  // pipe close, a moment after the set-up exits: wait for that, not for a fixed time.
  if (seesProcesses) await expect.poll(() => leftoverProcesses(box.mark), { timeout: 10_000, interval: 50 }).toEqual([]);
}

describe("the test set-up (node tools/test-setup.mjs)", () => {
  it("with PostgreSQL pointed at a closed port and redis-server missing from the PATH: one message within seconds, nothing run, nothing started", async () => {
    const port = await closedPort();
    const emptyPath = mkdtempSync(path.join(scratch, "path-"));
    const box = sandbox({ TEST_DATABASE_URL: `postgresql://root@127.0.0.1:${port}/test`, PATH: emptyPath });
    const run = await runSetup(["echo the-command-ran"], box.env);

    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(30_000);
    expect(run.stdout).not.toContain("the-command-ran");
    expect(run.stderr).toMatch(/^The tests need (.*)Redis(.*), which this machine does not have:\n/);
    expect(run.stderr).toContain("  - Redis: redis-server is not on the PATH (the tests start private Redis servers with it)\n");
    expect(run.stderr).toMatch(/\nInstall (it|them) with:\n {2}\S.*\nThen run npm test again\.\n$/);
    if (detectPlatform().family === "debian") expect(run.stderr).toMatch(/\n {2}(sudo )?apt-get install -y (\S+ )*redis-server\b/);
    // PostgreSQL's programs being installed here, a private server would have been planned, never started.
    await expectNothingLeft(box);
  });

  it("names PostgreSQL too when nothing answers and its server programs are missing, in the same one message", async () => {
    const port = await closedPort();
    const emptyDir = mkdtempSync(path.join(scratch, "empty-"));
    const box = sandbox({ TEST_DATABASE_URL: `postgresql://root@127.0.0.1:${port}/test`, TEST_PG_BINDIR: emptyDir, PATH: emptyDir });
    const run = await runSetup(["echo the-command-ran"], box.env);

    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `  - PostgreSQL: nothing usable at postgresql://root@127.0.0.1:${port}/test: nothing listens on 127.0.0.1:${port}, and no initdb and postgres in TEST_PG_BINDIR=${emptyDir} to start a private one\n`
    );
    if (detectPlatform().family === "debian") expect(run.stderr).toMatch(/\n {2}(sudo )?apt-get install -y postgresql redis-server( chromium)?\n/);
    expect(run.stderr.match(/Install/g)).toHaveLength(1);
    await expectNothingLeft(box);
  });

  it("names a temporary folder it cannot write to, before anything else needs it", async () => {
    const file = path.join(scratch, "not-a-folder");
    writeFileSync(file, "");
    const run = await runSetup(["echo the-command-ran"], { ...sandbox({}).env, TMPDIR: file });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(
      new RegExp(`^npm test cannot run:\n {2}- the temporary folder ${file} cannot be written \\(ENOTDIR.*\\); set TMPDIR to a folder you can write to\n$`)
    );
  });

  it.skipIf(!canStartPrivateServers)(
    "where PostgreSQL and Redis are installed but not running: starts private ones for the commands, in order, and stops them after",
    async () => {
      const box = sandbox({
        TEST_DATABASE_URL: `postgresql://root@127.0.0.1:${await closedPort()}/test`,
        TEST_REDIS_URL: `redis://127.0.0.1:${await closedPort()}`
      });
      const report = path.join(box.tmp, "..", `${path.basename(box.tmp)}.json`);
      const probe = path.join(scratch, "use-services.mjs");
      writeFileSync(
        probe,
        `import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
const require = createRequire(${JSON.stringify(path.join(toolsDir, "package.json"))});
const pg = require("pg");
const { Redis } = require("ioredis");
const db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
await db.connect();
await db.query("CREATE DATABASE sb_setup_probe");
await db.query("DROP DATABASE sb_setup_probe");
await db.end();
const redis = new Redis(process.env.TEST_REDIS_URL);
const pong = await redis.ping();
redis.disconnect();
const { TEST_DATABASE_URL, TEST_REDIS_URL, REDIS_SERVER_BIN, CHROMIUM_PATH } = process.env;
writeFileSync(process.argv[2], JSON.stringify({ TEST_DATABASE_URL, TEST_REDIS_URL, REDIS_SERVER_BIN, CHROMIUM_PATH, pong }));
`
      );
      const run = await runSetup([`"${process.execPath}" "${probe}" "${report}"`, `echo second-command-ran`], box.env);

      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(
        /test set-up: PostgreSQL: a private server at postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres \(nothing usable at .*: nothing listens on/
      );
      expect(run.stdout).toMatch(/test set-up: Redis: a private server at redis:\/\/127\.0\.0\.1:\d+ \(nothing usable at .*: nothing listens on/);
      expect(run.stdout).toContain("second-command-ran");
      const seen = JSON.parse(readFileSync(report, "utf8")) as Record<string, string>;
      expect(seen).toMatchObject({ TEST_DATABASE_URL: expect.stringMatching(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/), pong: "PONG" });
      expect(existsSync(seen.REDIS_SERVER_BIN ?? "")).toBe(true);
      expect(existsSync(seen.CHROMIUM_PATH ?? "")).toBe(true);
      // Stopped: nothing answers there any more, and the cluster's folder is gone.
      expect(await probePostgres(seen.TEST_DATABASE_URL ?? "", 1_000)).toMatchObject({ ok: false });
      expect(await probeRedis(seen.TEST_REDIS_URL ?? "", 1_000)).toMatchObject({ ok: false });
      await expectNothingLeft(box);
    }
  );

  it.skipIf(!canStartPrivateServers)("stopped by SIGTERM mid-run: ends the running command's processes and its private servers, exits 143", async () => {
    const box = sandbox({
      TEST_DATABASE_URL: `postgresql://root@127.0.0.1:${await closedPort()}/test`,
      TEST_REDIS_URL: `redis://127.0.0.1:${await closedPort()}`
    });
    const ready = path.join(scratch, `${path.basename(box.tmp)}.ready`);
    mkdirSync(path.dirname(ready), { recursive: true });
    // The shell does not exec the last node: a signal sent to the shell alone would leave it running.
    const command = `"${process.execPath}" -e "require('fs').writeFileSync(process.argv[1], 'x'); setInterval(() => {}, 1000)" "${ready}"; echo after`;
    let setup: ChildProcess | undefined;
    const finished = runSetup([command], box.env, (child) => (setup = child));
    await expect.poll(() => existsSync(ready), { timeout: 30_000 }).toBe(true);
    setup?.kill("SIGTERM");
    const run = await finished;

    expect(run.code).toBe(143);
    expect(run.stdout).not.toContain("after");
    await expectNothingLeft(box);
  });
});
