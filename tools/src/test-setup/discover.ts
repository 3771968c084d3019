import type { ToolsEnv } from "../env";
import { findChromium, findPostgresBinDir, findRedisServer, postgresBinDirCandidates } from "./find-programs";
import type { Missing } from "./install-hint";
import { probePostgres, probeRedis, shownUrl } from "./probe-services";

/** What the tests will use: the machine's running servers where they answer, private ones otherwise. */
export interface Plan {
  chromium: string;
  redisServer: string;
  postgres: { kind: "machine"; url: string } | { kind: "private"; binDir: string; because: string };
  redis: { kind: "machine"; url: string } | { kind: "private"; because: string };
}

export interface Discovery {
  /** null when something is missing. */
  plan: Plan | null;
  missing: Missing[];
}

/**
 * Looks without starting anything (so a machine that lacks something is told at once, with nothing
 * to clean up): probes the servers at TEST_DATABASE_URL / TEST_REDIS_URL and finds the programs.
 */
export async function discover(env: ToolsEnv, places: { postgres?: string[]; chromium?: string[] } = {}): Promise<Discovery> {
  const [postgresProbe, redisProbe] = await Promise.all([probePostgres(env.testDatabaseUrl), probeRedis(env.testRedisUrl)]);
  const missing: Missing[] = [];

  // A variable naming a program overrides the search, so its being wrong is what to report.
  const unusable = (variable: string, value: string | undefined, notFound: string) => (value ? `${variable}=${value} is not an executable file` : notFound);
  const chromium = findChromium(env, places.chromium);
  if (!chromium) {
    const notFound = "no chromium, chromium-browser or google-chrome on the PATH or in the usual places (CHROMIUM_PATH may name one)";
    missing.push({ need: "chromium", detail: unusable("CHROMIUM_PATH", env.chromiumPath, notFound) });
  }
  const redisServer = findRedisServer(env);
  if (!redisServer) {
    const notFound = "redis-server is not on the PATH (the tests start private Redis servers with it)";
    missing.push({ need: "redis", detail: unusable("REDIS_SERVER_BIN", env.redisServerBin, notFound) });
  }

  let postgres: Plan["postgres"] | undefined;
  if (postgresProbe.ok) {
    postgres = { kind: "machine", url: env.testDatabaseUrl };
  } else {
    const because = `${shownUrl(env.testDatabaseUrl)}: ${postgresProbe.why}`;
    const binDir = findPostgresBinDir(env, places.postgres ?? postgresBinDirCandidates());
    if (binDir) postgres = { kind: "private", binDir, because };
    else {
      const where = env.pgBinDir ? `no initdb and postgres in TEST_PG_BINDIR=${env.pgBinDir}` : "its server programs (initdb, postgres) are not installed";
      missing.push({ need: "postgresql", detail: `nothing usable at ${because}, and ${where} to start a private one` });
    }
  }

  const redis: Plan["redis"] = redisProbe.ok
    ? { kind: "machine", url: env.testRedisUrl }
    : { kind: "private", because: `${shownUrl(env.testRedisUrl)}: ${redisProbe.why}` };

  if (!chromium || !redisServer || !postgres) return { plan: null, missing };
  return { plan: { chromium, redisServer, postgres, redis }, missing };
}
