import { z } from "zod";
import { coreEnvShape, exitOnEnvError, logLevelSchema, opsTokenSchema, parseEnv, portSchema, positiveInt } from "@switchboard/config";

const originSchema = z.url({ error: "must list absolute origins, e.g. https://switchboard.example.com" }).transform((v) => new URL(v).origin);

const realtimeEnvSchema = z
  .object({
    ...coreEnvShape,
    PORT: portSchema.default(4000),
    HOST: z.string().default("0.0.0.0"),
    /**
     * Connections the kernel holds for this node before it accepts them. A reconnect storm (every
     * console of a site at once) overflows Node's default of 511: dropped SYNs are retried by the
     * clients' kernels after 1, 3, 7… s, which stretches recovery by seconds while the node idles.
     * The kernel caps it at net.core.somaxconn.
     */
    LISTEN_BACKLOG: positiveInt.default(4096),
    /** Origins of the web app allowed to connect cross-site, comma-separated. */
    CORS_ORIGINS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      )
      .pipe(z.array(originSchema)),
    RETENTION_MAX_EVENTS: positiveInt.default(10_000),
    RETENTION_MAX_AGE_SECONDS: positiveInt.default(24 * 60 * 60),
    /** Stable node name (e.g. the container's); random per process when unset. */
    NODE_ID: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, "may contain letters, digits, dot, dash and underscore (at most 64)")
      .optional(),
    PRESENCE_TTL_SECONDS: positiveInt.default(15),
    /** Open sockets one user may hold on this node (0: no cap). */
    MAX_SOCKETS_PER_USER: z.coerce.number().int().nonnegative().default(50),
    /** Open sockets one client address may hold on this node (0: no cap; behind a proxy set TRUST_PROXY_HOPS too). */
    MAX_SOCKETS_PER_IP: z.coerce.number().int().nonnegative().default(0),
    /** Proxies in front of this node that append the client's address to X-Forwarded-For. */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    /** The node's relay publishes every process's commits (woken by NOTIFY); `off` leaves that to other nodes or workers. */
    RELAY: z.enum(["on", "off"], { error: "must be on or off" }).default("on"),
    /** Namespace of every Redis key; must match the web app's relay. */
    REDIS_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,40}$/, "may contain letters, digits and . _ : -")
      .default("sb"),
    LOG_LEVEL: logLevelSchema.default("info"),
    /** Bearer token that opens /stats and /metrics (every organization's counters); unset = closed. */
    OPS_TOKEN: opsTokenSchema.optional()
  })
  .superRefine((env, ctx) => {
    // The standalone node is the cluster topology: embedded mode runs realtime inside the web app.
    const why = "is required for the standalone realtime server (without it, run the web app alone: it embeds realtime)";
    if (!env.REDIS_URL) ctx.addIssue({ code: "custom", path: ["REDIS_URL"], message: why });
    if (!env.DATABASE_URL) ctx.addIssue({ code: "custom", path: ["DATABASE_URL"], message: why });
    if (!env.AUTH_SECRET) ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "is required (the web app's next-auth secret)" });
  });

export interface RealtimeConfig {
  port: number;
  host: string;
  listenBacklog: number;
  databaseUrl: string;
  databasePoolSize: number;
  redisUrl: string;
  redisKeyPrefix: string;
  authSecret: string;
  corsOrigins: string[];
  retention: { maxEvents: number; maxAgeMs: number };
  nodeId: string | undefined;
  presenceTtlMs: number;
  socketCaps: { maxSocketsPerUser: number; maxSocketsPerIp: number; trustProxyHops: number };
  relay: boolean;
  activityRetentionDays: number;
  logLevel: z.infer<typeof logLevelSchema>;
  opsToken: string | undefined;
}

/** The standalone realtime server's configuration; a bad variable stops the process with its name. */
export function loadRealtimeConfig(source: Record<string, string | undefined> = process.env): RealtimeConfig {
  let env: z.infer<typeof realtimeEnvSchema>;
  try {
    env = parseEnv(realtimeEnvSchema, source);
  } catch (error) {
    return exitOnEnvError(error);
  }
  return {
    port: env.PORT,
    host: env.HOST,
    listenBacklog: env.LISTEN_BACKLOG,
    databaseUrl: env.DATABASE_URL ?? "",
    databasePoolSize: env.DATABASE_POOL_SIZE,
    redisUrl: env.REDIS_URL ?? "",
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    authSecret: env.AUTH_SECRET ?? "",
    corsOrigins: env.CORS_ORIGINS,
    retention: { maxEvents: env.RETENTION_MAX_EVENTS, maxAgeMs: env.RETENTION_MAX_AGE_SECONDS * 1000 },
    nodeId: env.NODE_ID,
    presenceTtlMs: env.PRESENCE_TTL_SECONDS * 1000,
    socketCaps: { maxSocketsPerUser: env.MAX_SOCKETS_PER_USER, maxSocketsPerIp: env.MAX_SOCKETS_PER_IP, trustProxyHops: env.TRUST_PROXY_HOPS },
    relay: env.RELAY === "on",
    activityRetentionDays: env.ACTIVITY_RETENTION_DAYS,
    logLevel: env.LOG_LEVEL,
    opsToken: env.OPS_TOKEN
  };
}

export { realtimeEnvSchema };
