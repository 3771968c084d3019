import { z } from "zod";
import {
  coreEnvShape,
  exitOnEnvError,
  findRepoRoot,
  opsTokenSchema,
  parseEnv,
  portSchema,
  positiveInt,
  resolveCoreConfig,
  type CoreConfig
} from "@switchboard/config";
import { integrationsEnvShape, resolveIntegrationSettings, type IntegrationSettings } from "@switchboard/integrations";
import { mailEnvShape, resolveMailConfig, type MailConfig } from "@switchboard/mail";

const workerEnvSchema = z
  .object({
    ...coreEnvShape,
    ...integrationsEnvShape,
    /** Invitations of people a users import adds are mailed through it (the web app's SMTP_URL and MAIL_FROM). */
    ...mailEnvShape,
    /** GET /healthz, /readyz, /stats and /metrics (queue gauges); 0 = no ops server. */
    WORKER_OPS_PORT: portSchema.default(3300),
    WORKER_OPS_HOST: z.string().default("0.0.0.0"),
    /** Bearer token that opens /stats and /metrics (every organization's counters); unset = closed. */
    OPS_TOKEN: opsTokenSchema.optional(),
    /** Webhook endpoints delivered in parallel by this replica. */
    WORKER_WEBHOOK_CONCURRENCY: positiveInt.max(64, "must be at most 64").default(4),
    /** Namespace of every Redis key; must match the web app's (job progress is published through it). */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,40}$/, "may contain letters, digits and . _ : -")
      .default("sb"),
    RETENTION_MAX_EVENTS: positiveInt.default(10_000),
    RETENTION_MAX_AGE_SECONDS: positiveInt.default(24 * 60 * 60)
  })
  .superRefine((env, ctx) => {
    // An embedded database belongs to the one process of `npm start`, which runs the jobs itself.
    if (!env.DATABASE_URL)
      ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: "is required for `npm run worker` (without it, `npm start` runs the jobs itself)" });
    if (!env.SECRETS_KEY) ctx.addIssue({ code: "custom", path: ["SECRETS_KEY"], message: "is required (the web app's, to open webhook secrets)" });
  });

export type WorkerConfig = CoreConfig & {
  settings: IntegrationSettings;
  opsPort: number;
  opsHost: string;
  opsToken: string | undefined;
  webhookConcurrency: number;
  redisKeyPrefix: string;
  retention: { maxEvents: number; maxAgeMs: number };
  mail: MailConfig | null;
};

/** `npm run worker`'s configuration; a bad variable stops the process with its name. */
export function loadWorkerConfig(source: Record<string, string | undefined> = process.env): WorkerConfig {
  let env: z.infer<typeof workerEnvSchema>;
  try {
    env = parseEnv(workerEnvSchema, source);
  } catch (error) {
    return exitOnEnvError(error);
  }
  return {
    ...resolveCoreConfig(env, findRepoRoot(process.cwd())),
    settings: resolveIntegrationSettings(env),
    opsPort: env.WORKER_OPS_PORT,
    opsHost: env.WORKER_OPS_HOST,
    opsToken: env.OPS_TOKEN,
    webhookConcurrency: env.WORKER_WEBHOOK_CONCURRENCY,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    retention: { maxEvents: env.RETENTION_MAX_EVENTS, maxAgeMs: env.RETENTION_MAX_AGE_SECONDS * 1000 },
    mail: resolveMailConfig(env)
  };
}
