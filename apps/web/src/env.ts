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
import type { RequestLimitSettings } from "./server/request-limits";

const webEnvSchema = z
  .object({
    ...coreEnvShape,
    ...integrationsEnvShape,
    PORT: portSchema.default(3000),
    HOST: z.string().default("0.0.0.0"),
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    /** Where browsers reach the realtime server; unset = same origin (embedded or behind the proxy). */
    REALTIME_PUBLIC_URL: z.url({ error: "must be an absolute http(s) URL" }).optional(),
    /** Seed the demo organization when the database has no organization yet. */
    SEED_DEMO: z
      .enum(["true", "false"], { error: "must be true or false" })
      .default("true")
      .transform((v) => v === "true"),
    SESSION_MAX_AGE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    /** Only behind a proxy that sets X-Forwarded-For may it be trusted for login throttling. */
    TRUST_PROXY: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    /** Namespace of every Redis key; must match the realtime nodes'. */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,40}$/, "may contain letters, digits and . _ : -")
      .default("sb"),
    /** Event log retention (replay window); the writer trims, so keep these equal to the realtime nodes'. */
    RETENTION_MAX_EVENTS: positiveInt.default(10_000),
    RETENTION_MAX_AGE_SECONDS: positiveInt.default(24 * 60 * 60),
    /**
     * Where the AMI connections run: "embedded" (this process; the default without REDIS_URL),
     * "external" (`npm run connect`, reached over Redis for call control; the default with it), "off".
     */
    PBX_CONNECTOR: z.enum(["embedded", "external", "off"], { error: "must be embedded, external or off" }).optional(),
    /**
     * "demo": this process simulates PBX traffic for the demo organization (the `demo` slug).
     * Unset: "demo" for the embedded demo (no DATABASE_URL, SEED_DEMO on), "off" otherwise.
     */
    SIMULATOR: z.enum(["off", "demo"], { error: "must be off or demo" }).optional(),
    /** New simulated calls per minute when the simulator runs. */
    SIMULATOR_RATE: z.coerce.number({ error: "must be a number" }).positive("must be greater than 0").max(600, "must be at most 600").default(6),
    /**
     * Where jobs (webhook deliveries, imports, exports) run: "in-process" (the default without
     * REDIS_URL: `npm start` is one process) or "external" (`npm run worker`; the default with it).
     */
    JOB_WORKER: z.enum(["in-process", "external"], { error: "must be in-process or external" }).optional(),
    /** The console's public address, for links in invitations and password resets; unset: the address the request came to. */
    PUBLIC_URL: z.url({ error: "must be an absolute http(s) URL" }).optional(),
    /** Bearer token that opens /stats and /metrics (every organization's counters); unset = closed. */
    OPS_TOKEN: opsTokenSchema.optional(),
    /** REST calls per minute of one user (tokens and sessions alike); more are answered 429. */
    API_RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
    /** REST calls per minute from one client address, before credentials are checked. */
    API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: positiveInt.default(1200),
    /** Deliveries per minute to one PBX webhook integration. */
    PBX_WEBHOOK_RATE_LIMIT_PER_MINUTE: positiveInt.default(600),
    ...mailEnvShape
  })
  .superRefine((env, ctx) => {
    if (env.PBX_CONNECTOR === "external" && !env.REDIS_URL)
      ctx.addIssue({ code: "custom", path: ["PBX_CONNECTOR"], message: "external needs REDIS_URL (call control travels over Redis)" });
    if (env.DATABASE_URL && !env.AUTH_SECRET) ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required when DATABASE_URL is set" });
    if (env.DATABASE_URL && !env.SECRETS_KEY) ctx.addIssue({ code: "custom", path: ["SECRETS_KEY"], message: "is required when DATABASE_URL is set" });
  });

type WebEnv = z.infer<typeof webEnvSchema>;
export type WebConfig = CoreConfig & {
  port: number;
  host: string;
  dev: boolean;
  realtimePublicUrl: string | undefined;
  seedDemo: boolean;
  sessionMaxAgeSeconds: number;
  trustProxy: boolean;
  /** No REDIS_URL: this process also hosts the realtime server on an in-memory bus. */
  embeddedRealtime: boolean;
  redisKeyPrefix: string;
  retention: { maxEvents: number; maxAgeMs: number };
  pbxConnector: "embedded" | "external" | "off";
  /** byDefault: the embedded demo simulates unless SIMULATOR=off; otherwise SIMULATOR=demo asked for it. */
  simulator: { org: "demo"; rate: number; byDefault: boolean } | null;
  integrations: IntegrationSettings;
  /** This process runs the jobs itself. */
  runJobs: boolean;
  publicUrl: string | undefined;
  mail: MailConfig | null;
  opsToken: string | undefined;
  requestLimits: RequestLimitSettings;
};

let cached: WebConfig | undefined;

/** The web app's configuration, validated once; a bad variable stops the process with its name. */
export function loadWebConfig(source: Record<string, string | undefined> = process.env): WebConfig {
  if (cached && source === process.env) return cached;
  let env: WebEnv;
  let core: CoreConfig;
  try {
    env = parseEnv(webEnvSchema, source);
    core = resolveCoreConfig(env, findRepoRoot(process.cwd()));
  } catch (error) {
    return exitOnEnvError(error);
  }
  const config: WebConfig = {
    ...core,
    port: env.PORT,
    host: env.HOST,
    dev: env.NODE_ENV === "development",
    realtimePublicUrl: env.REALTIME_PUBLIC_URL,
    seedDemo: env.SEED_DEMO,
    sessionMaxAgeSeconds: env.SESSION_MAX_AGE_HOURS * 3600,
    trustProxy: env.TRUST_PROXY,
    embeddedRealtime: !env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    retention: { maxEvents: env.RETENTION_MAX_EVENTS, maxAgeMs: env.RETENTION_MAX_AGE_SECONDS * 1000 },
    pbxConnector: env.PBX_CONNECTOR ?? (env.REDIS_URL ? "external" : "embedded"),
    simulator: resolveSimulator(env),
    integrations: resolveIntegrationSettings(env),
    runJobs: (env.JOB_WORKER ?? (env.REDIS_URL ? "external" : "in-process")) === "in-process",
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ""),
    mail: resolveMailConfig(env),
    opsToken: env.OPS_TOKEN,
    requestLimits: {
      apiPerUser: env.API_RATE_LIMIT_PER_MINUTE,
      apiPerAddress: env.API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
      pbxWebhookPerIntegration: env.PBX_WEBHOOK_RATE_LIMIT_PER_MINUTE,
      windowSeconds: 60
    }
  };
  if (source === process.env) cached = config;
  return config;
}

/**
 * The embedded demo is a living console at first look: with no DATABASE_URL and the demo seeded,
 * the demo organization's PBX is simulated unless SIMULATOR=off. A real installation (a
 * DATABASE_URL, or SEED_DEMO=false) simulates only when SIMULATOR=demo asks.
 */
function resolveSimulator(env: WebEnv): WebConfig["simulator"] {
  const byDefault = env.SIMULATOR === undefined && !env.DATABASE_URL && env.SEED_DEMO;
  if (env.SIMULATOR !== "demo" && !byDefault) return null;
  return { org: "demo", rate: env.SIMULATOR_RATE, byDefault };
}

/**
 * Settings that libraries read from the environment themselves, derived from the validated config;
 * server.ts calls this once before loading Next.js.
 * - NODE_ENV: Next.js and React pick their production or development builds from it.
 * - AUTH_TRUST_HOST: next-auth builds its URLs from the request's host unless NEXTAUTH_URL is set.
 *   That is safe here: server.ts drops client-sent X-Forwarded-* unless TRUST_PROXY is on.
 */
export function exportProcessEnv(config: WebConfig): void {
  const env = process.env as Record<string, string | undefined>;
  env.NODE_ENV ??= config.dev ? "development" : "production";
  if (!env.NEXTAUTH_URL) env.AUTH_TRUST_HOST ??= "true";
}
