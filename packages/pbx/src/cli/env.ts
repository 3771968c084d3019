import { z } from "zod";
import {
  coreEnvShape,
  coreEnvSchema,
  exitOnEnvError,
  findRepoRoot,
  opsTokenSchema,
  parseEnv,
  portSchema,
  resolveCoreConfig,
  type CoreConfig
} from "@switchboard/config";

/** Configuration of the pbx command-line tools: the same variables as every Switchboard process. */
export function loadCliConfig(): CoreConfig {
  try {
    return resolveCoreConfig(parseEnv(coreEnvSchema, process.env), findRepoRoot(process.cwd()));
  } catch (error) {
    return exitOnEnvError(error);
  }
}

const connectEnvSchema = z
  .object({
    ...coreEnvShape,
    /** Namespace of every Redis key and channel; must match the web app's. */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,40}$/, "may contain letters, digits and . _ : -")
      .default("sb"),
    /** GET /healthz and /stats (parser and tracker counters); 0 = no ops server. */
    PBX_OPS_PORT: portSchema.default(3200),
    PBX_OPS_HOST: z.string().default("0.0.0.0"),
    /** Bearer token that opens /stats and /metrics (every organization's counters); unset = closed. */
    OPS_TOKEN: opsTokenSchema.optional()
  })
  .superRefine((env, ctx) => {
    // It opens the AMI secrets; sessions are none of its business (no AUTH_SECRET).
    if (env.DATABASE_URL && !env.SECRETS_KEY) ctx.addIssue({ code: "custom", path: ["SECRETS_KEY"], message: "is required when DATABASE_URL is set" });
  });

export type ConnectConfig = CoreConfig & { redisKeyPrefix: string; opsPort: number; opsHost: string; opsToken: string | undefined };

/** `npm run connect`: the core variables plus the Redis namespace and the ops port. */
export function loadConnectConfig(source: Record<string, string | undefined> = process.env): ConnectConfig {
  try {
    const env = parseEnv(connectEnvSchema, source);
    return {
      ...resolveCoreConfig(env, findRepoRoot(process.cwd())),
      redisKeyPrefix: env.REDIS_KEY_PREFIX,
      opsPort: env.PBX_OPS_PORT,
      opsHost: env.PBX_OPS_HOST,
      opsToken: env.OPS_TOKEN
    };
  } catch (error) {
    return exitOnEnvError(error);
  }
}
