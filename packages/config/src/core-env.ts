import path from "node:path";
import { z } from "zod";
import { loadOrCreateLocalSecrets } from "./local-secrets";
import { EnvError } from "./parse-env";
import { findDataDirProblem } from "./startup-checks";
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
  /** Outgoing connections (webhooks, the PBX's AMI) may reach private and loopback addresses: on-premises installs. */
  OUTBOUND_ALLOW_PRIVATE: z
    .enum(["true", "false"], { error: "must be true or false" })
    .default("false")
    .transform((v) => v === "true"),
  /** More of our own services (host:port, comma-separated) that outgoing connections must never reach. */
  OUTBOUND_DENY: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    )
    .pipe(z.array(z.string().regex(/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, "must be host:port entries, comma-separated"))),
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
  /** Where outgoing connections may go (see @switchboard/egress). */
  outbound: { allowPrivate: boolean; deny: string[] };
  activityRetentionDays: number;
}

export function resolveCoreConfig(env: CoreEnv, repoRoot: string): CoreConfig {
  const dataDir = path.resolve(repoRoot, env.DATA_DIR ?? ".data");
  // The embedded database and generated secrets live there: a folder that cannot take them is
  // named now, not found out as a stack trace from deep inside PGlite or the secrets writer.
  // With DATABASE_URL nothing is generated: each process's schema requires the secrets it uses,
  // and a secret it was not given stays empty (a deployment hands each service only its own).
  const usesDataDir = !env.DATABASE_URL;
  const problem = usesDataDir ? findDataDirProblem(dataDir) : null;
  if (problem) throw new EnvError([problem], "cannot start");
  const local = usesDataDir && !(env.AUTH_SECRET && env.SECRETS_KEY) ? loadOrCreateLocalSecrets(dataDir) : undefined;
  return {
    database: env.DATABASE_URL
      ? { kind: "postgres", url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
      : { kind: "embedded", dataDir: path.join(dataDir, "pg") },
    redisUrl: env.REDIS_URL,
    authSecret: env.AUTH_SECRET ?? local?.authSecret ?? "",
    secretsKey: env.SECRETS_KEY ?? local?.secretsKey ?? "",
    dataDir,
    logLevel: env.LOG_LEVEL,
    outbound: { allowPrivate: env.OUTBOUND_ALLOW_PRIVATE, deny: env.OUTBOUND_DENY },
    activityRetentionDays: env.ACTIVITY_RETENTION_DAYS
  };
}
