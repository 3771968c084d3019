import { spawnSync } from "node:child_process";
import { childEnv, readToolsEnv, type ToolsEnv } from "../env";
import { discover, type Discovery } from "./discover";
import { detectPlatform, formatMissing, installSteps, type Platform } from "./install-hint";
import { runInOrder, watchSignals, exitCodeFor } from "./run-commands";
import { describeServices, startTestServices } from "./test-services";

const USAGE = `usage: node tools/test-setup.mjs [command line]...
       node tools/test-setup.mjs --install

Finds or starts what the tests need (PostgreSQL, Redis, redis-server, Chromium), runs each command
line in order through the shell with TEST_DATABASE_URL, TEST_REDIS_URL, REDIS_SERVER_BIN and
CHROMIUM_PATH set, and stops what it started. With no command line it only reports what it would
use. --install installs what is missing with the system's package manager (apt-get or Homebrew).`;

const say = (line: string) => console.log(`test set-up: ${line}`);

function report(found: Discovery, platform: Platform): number {
  if (!found.plan) {
    console.error(formatMissing(found.missing, platform));
    return 1;
  }
  for (const line of describeServices(found.plan)) say(line);
  return 0;
}

async function installMissing(env: ToolsEnv, found: Discovery, platform: Platform): Promise<number> {
  if (found.plan) return report(found, platform);
  const steps = installSteps(
    found.missing.map((m) => m.need),
    platform,
    { refresh: true }
  );
  if (steps.length === 0) {
    console.error(formatMissing(found.missing, platform));
    return 1;
  }
  for (const [command = "", ...args] of steps) {
    say(`${command} ${args.join(" ")}`);
    const { status } = spawnSync(command, args, { stdio: "inherit", env: childEnv({ DEBIAN_FRONTEND: "noninteractive" }) });
    if (status !== 0) return status ?? 1;
  }
  return report(await discover(env), platform);
}

/** `npm test`'s set-up; resolves the exit status once everything it started has stopped. */
export async function main(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  const env = readToolsEnv();
  const platform = detectPlatform();
  const found = await discover(env);
  if (args[0] === "--install") return installMissing(env, found, platform);
  if (!found.plan || args.length === 0) return report(found, platform);

  const watch = watchSignals();
  try {
    const services = await startTestServices(found.plan).catch((error: unknown) => {
      console.error(`test set-up: could not start the test services: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    });
    if (!services) return 1;
    try {
      for (const line of services.describe()) say(line);
      if (watch.signal) return exitCodeFor(watch.signal);
      return await runInOrder(args, childEnv(services.env), watch);
    } finally {
      await services.stop();
      if (found.plan.postgres.kind === "private" || found.plan.redis.kind === "private") say("stopped the private servers it started");
    }
  } finally {
    watch.dispose();
  }
}
