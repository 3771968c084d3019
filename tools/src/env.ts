/**
 * The only place the tooling reads the environment. The test set-up's knobs, all optional:
 * - TEST_DATABASE_URL: the PostgreSQL server to use if it answers (default: this machine's);
 * - TEST_REDIS_URL: the same for Redis;
 * - TEST_PG_BINDIR: where PostgreSQL's server programs (initdb, postgres) are, when not found alone;
 * - REDIS_SERVER_BIN, CHROMIUM_PATH: the programs to use instead of searching PATH.
 */
export interface ToolsEnv {
  testDatabaseUrl: string;
  testRedisUrl: string;
  pgBinDir: string | undefined;
  redisServerBin: string | undefined;
  chromiumPath: string | undefined;
  path: string;
}

const DEFAULT_TEST_DATABASE_URL = "postgresql://root@127.0.0.1:5432/test";
const DEFAULT_TEST_REDIS_URL = "redis://127.0.0.1:6379";

const nonEmpty = (value: string | undefined) => (value ? value : undefined);

export function readToolsEnv(source: NodeJS.ProcessEnv = process.env): ToolsEnv {
  return {
    testDatabaseUrl: nonEmpty(source.TEST_DATABASE_URL) ?? DEFAULT_TEST_DATABASE_URL,
    testRedisUrl: nonEmpty(source.TEST_REDIS_URL) ?? DEFAULT_TEST_REDIS_URL,
    pgBinDir: nonEmpty(source.TEST_PG_BINDIR),
    redisServerBin: nonEmpty(source.REDIS_SERVER_BIN),
    chromiumPath: nonEmpty(source.CHROMIUM_PATH),
    path: source.PATH ?? ""
  };
}

/** The environment of the commands the tooling runs: this one, plus `extra`. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
