import path from "node:path";
import { z } from "zod";
import { loadOrCreateLocalSecrets } from "./local-secrets";
import { logLevelSchema, positiveInt, postgresUrlSchema, redisUrlSchema, secretSchema } from "./schemas";

/** Variables every Switchboard process reads (each app's env.ts extends this). */
export const coreEnvShape = {
  DATABASE_URL: postgresUrlSchema.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().optional(),
  REDIS_URL: redisUrlSchema.optional(),
  AUTH_SECRET: secretSchema.optional(),
  SECRETS_KEY: secretSchema.optional(),
  LOG_LEVEL: logLevelSchema.default("info"),
  /** Days the activity log keeps who did what (every process that prunes published events honours it). */
  ACTIVITY_RETENTION_DAYS: positiveInt.max(3650, "must be at most 3650 days").default(90)
};

export const coreEnvSchema = z.object(coreEnvShape).superRefine((env, ctx) => {
  // Embedded mode generates its own secrets; a real deployment must provide them.
  if (env.DATABASE_URL && !env.AUTH_SECRET) ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required when DATABASE_URL is set" });
  if (env.DATABASE_URL && !env.SECRETS_KEY) ctx.addIssue({ code: "custom", path: ["SECRETS_KEY"], message: "is required when DATABASE_URL is set" });
});
export type CoreEnv = z.infer<typeof coreEnvSchema>;

export interface CoreConfig {
  database: { kind: "postgres"; url: string; poolSize: number } | { kind: "embedded"; dataDir: string };
  redisUrl: string | undefined;
  authSecret: string;
  secretsKey: string;
  dataDir: string;
  logLevel: CoreEnv["LOG_LEVEL"];
  activityRetentionDays: number;
}

export function resolveCoreConfig(env: CoreEnv, repoRoot: string): CoreConfig {
  const dataDir = path.resolve(repoRoot, env.DATA_DIR ?? ".data");
  const local = env.AUTH_SECRET && env.SECRETS_KEY ? undefined : loadOrCreateLocalSecrets(dataDir);
  return {
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { kind: "embedded", dataDir: path.join(dataDir, "pg") },
    redisUrl: env.REDIS_URL,
    authSecret: env.AUTH_SECRET ?? local?.authSecret ?? "",
    secretsKey: env.SECRETS_KEY ?? local?.secretsKey ?? "",
    dataDir,
    logLevel: env.LOG_LEVEL,
    activityRetentionDays: env.ACTIVITY_RETENTION_DAYS
  };
}
