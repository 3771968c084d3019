/**
 * The only place the e2e harness reads process.env. Children get the runner's environment (PATH,
 * locale, CI) plus the variables the stack sets for them.
 */
export const e2eEnv = {
  /** Server on which the setup creates its throwaway database (same default as unit tests). */
  testServerUrl: process.env.TEST_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/test",
  /** Where global setup leaves the stack description for workers and teardown. */
  stackFile: process.env.E2E_STACK_FILE,
  /** Chromium binary; Debian's package by default because `playwright install` cannot download. */
  chromiumPath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  redisServerBin: process.env.REDIS_SERVER_BIN ?? "redis-server",
  /** Keep the database after the run (debugging a failure). */
  keepDatabase: process.env.E2E_KEEP_DATABASE === "true",
  /** Record a Playwright trace of each test, kept for failed ones (debugging a failure). */
  trace: process.env.E2E_TRACE === "true",
  ci: Boolean(process.env.CI)
};

export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

/** What decides the web app's topology and demo: a fresh embedded start must inherit none of it. */
const TOPOLOGY_VARIABLES = [
  "DATABASE_URL",
  "REDIS_URL",
  "DATA_DIR",
  "AUTH_SECRET",
  "SECRETS_KEY",
  "REALTIME_PUBLIC_URL",
  "SEED_DEMO",
  "SIMULATOR",
  "SIMULATOR_RATE",
  "PBX_CONNECTOR"
];

/** childEnv for a web process started as a newcomer's `npm start` would be: no topology settings but `extra`. */
export function embeddedChildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = childEnv({});
  for (const name of TOPOLOGY_VARIABLES) delete env[name];
  return { ...env, ...extra };
}

/** Lets workers find the stack file without re-deriving its path. */
export function publishStackFile(file: string): void {
  process.env.E2E_STACK_FILE = file;
}
