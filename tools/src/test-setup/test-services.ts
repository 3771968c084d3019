import { startPrivateRedis, type PrivateRedis } from "@switchboard/events/testing";
import { shownUrl } from "./probe-services";
import type { Plan } from "./discover";
import { startPrivatePostgres, type PrivatePostgres } from "./private-postgres";

export interface TestServices {
  /** What the test commands read: the same variables the suites default without the set-up. */
  env: { TEST_DATABASE_URL: string; TEST_REDIS_URL: string; REDIS_SERVER_BIN: string; CHROMIUM_PATH: string };
  /** One line per service, for the log. */
  describe(): string[];
  /** Stops what was started here (never the machine's servers). */
  stop(): Promise<void>;
}

/** Starts the private servers the plan asks for, together; if one fails, the other is stopped too. */
export async function startTestServices(plan: Plan): Promise<TestServices> {
  const [postgres, redis] = await Promise.allSettled([
    plan.postgres.kind === "private" ? startPrivatePostgres(plan.postgres.binDir) : Promise.resolve(undefined),
    plan.redis.kind === "private" ? startPrivateRedis({ bin: plan.redisServer }) : Promise.resolve(undefined)
  ]);
  const started: { postgres?: PrivatePostgres; redis?: PrivateRedis } = {
    postgres: postgres.status === "fulfilled" ? postgres.value : undefined,
    redis: redis.status === "fulfilled" ? redis.value : undefined
  };
  const stop = async () => {
    await Promise.all([started.postgres?.stop(), started.redis?.stop()]);
  };
  const failure = [postgres, redis].find((r) => r.status === "rejected");
  if (failure?.status === "rejected") {
    await stop();
    throw failure.reason;
  }

  const databaseUrl = started.postgres?.url ?? (plan.postgres.kind === "machine" ? plan.postgres.url : "");
  const redisUrl = started.redis?.url ?? (plan.redis.kind === "machine" ? plan.redis.url : "");
  return {
    env: { TEST_DATABASE_URL: databaseUrl, TEST_REDIS_URL: redisUrl, REDIS_SERVER_BIN: plan.redisServer, CHROMIUM_PATH: plan.chromium },
    describe: () => describeServices(plan, { postgres: started.postgres, redis: started.redis }),
    stop
  };
}

/** One line per service: which server and why; `started` holds the private ones once they run. */
export function describeServices(plan: Plan, started: { postgres?: { url: string; dir: string }; redis?: { url: string } } = {}): string[] {
  const privately = (what: string, server: { url: string } | undefined, because: string) =>
    `${what}: ${server ? `a private server at ${server.url}` : "a private server, started for the run"} (nothing usable at ${because})`;
  return [
    plan.postgres.kind === "machine"
      ? `PostgreSQL: this machine's, at ${shownUrl(plan.postgres.url)}`
      : privately("PostgreSQL", started.postgres, plan.postgres.because) + (started.postgres ? ` in ${started.postgres.dir}` : ""),
    plan.redis.kind === "machine" ? `Redis: this machine's, at ${shownUrl(plan.redis.url)}` : privately("Redis", started.redis, plan.redis.because),
    `redis-server for fault tests: ${plan.redisServer}`,
    `Chromium: ${plan.chromium}`
  ];
}
