import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/** Requests allowed per fixed window of `windowSeconds`, per key. */
export interface RequestLimitSettings {
  /** REST calls of one user (API tokens and sessions alike). */
  apiPerUser: number;
  /** REST calls from one client address, counted before credentials are checked. */
  apiPerAddress: number;
  /** Deliveries to one PBX webhook integration, counted before the signature is checked. */
  pbxWebhookPerIntegration: number;
  windowSeconds: number;
}

type LimitKind = "apiUser" | "apiAddress" | "pbxWebhook";
type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RequestLimits {
  consume(kind: LimitKind, key: string): Promise<LimitVerdict>;
  /** Resolves once the shared store answers (at once in memory); until then each process counts alone. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

function pointsOf(settings: RequestLimitSettings, kind: LimitKind): number {
  if (kind === "apiUser") return settings.apiPerUser;
  if (kind === "apiAddress") return settings.apiPerAddress;
  return settings.pbxWebhookPerIntegration;
}

/**
 * Fixed-window request limits shared by every web process through Redis (one atomic INCR+PEXPIRE
 * per request, rate-limiter-flexible's Lua). Without REDIS_URL (one process) they are kept in
 * memory. With Redis unreachable each process falls back to its own memory window: limits loosen
 * to per process, requests never fail because of it (writes must succeed without Redis).
 */
export function createRequestLimits(settings: RequestLimitSettings, redis?: { url: string; keyPrefix: string }): RequestLimits {
  const client = redis ? new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false }) : undefined;
  // Connection errors surface per call (and fall back); the client keeps reconnecting by itself.
  client?.on("error", () => undefined);
  const limiters = new Map<LimitKind, RateLimiterAbstract>();
  const limiterFor = (kind: LimitKind): RateLimiterAbstract => {
    let limiter = limiters.get(kind);
    if (!limiter) {
      const shape = { points: pointsOf(settings, kind), duration: settings.windowSeconds };
      limiter = client
        ? new RateLimiterRedis({
            ...shape,
            storeClient: client,
            keyPrefix: `${redis?.keyPrefix ?? "sb"}:ratelimit:${kind}`,
            insuranceLimiter: new RateLimiterMemory(shape)
          })
        : new RateLimiterMemory({ ...shape, keyPrefix: kind });
      limiters.set(kind, limiter);
    }
    return limiter;
  };
  return {
    async consume(kind, key) {
      try {
        await limiterFor(kind).consume(key);
        return { ok: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        // Neither the store nor the insurance could count: let the request through.
        return { ok: true };
      }
    },
    async ready() {
      if (client && client.status !== "ready") await new Promise<void>((resolve) => client.once("ready", () => resolve()));
    },
    async close() {
      await client?.quit().catch(() => client.disconnect());
    }
  };
}
