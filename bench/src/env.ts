import { existsSync, readFileSync } from "node:fs";

/** The only place the benchmark reads the environment: children inherit it (PATH, TEST_DATABASE_URL...). */
export function inheritedEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return { ...env, ...extra };
}

/** Log level of the bench's own stack pieces (relay, event log); BENCH_LOG_LEVEL=debug to see them. */
export function benchLogLevel(): string {
  return process.env.BENCH_LOG_LEVEL ?? "warn";
}

/**
 * The open-file limit children should get: the hard limit, when the soft one is below it and
 * prlimit can raise it (raising the hard limit itself needs CAP_SYS_RESOURCE, which containers
 * often lack). null: nothing to raise.
 */
export function raisableFdLimit(): number | null {
  if (!existsSync("/usr/bin/prlimit") && !existsSync("/bin/prlimit")) return null;
  try {
    const line = readFileSync("/proc/self/limits", "utf8")
      .split("\n")
      .find((l) => l.startsWith("Max open files"));
    const [soft, hard] = (line?.match(/\d+|unlimited/g) ?? []).map((v) => (v === "unlimited" ? Infinity : Number(v)));
    if (soft === undefined || hard === undefined || soft >= hard) return null;
    return Number.isFinite(hard) ? hard : 1_048_576;
  } catch {
    return null;
  }
}
