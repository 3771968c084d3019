import { Redis } from "ioredis";
import type { Logger } from "pino";

/**
 * Admits a socket if each key holds fewer live sockets than its cap, and records it. Members are
 * `${nodeId}|${socketId}` scored by when they expire (Redis's clock, so nodes' clocks do not matter);
 * expired members are dropped first, so a crashed node's sockets stop counting after the TTL.
 * KEYS: the counted keys; ARGV[1] member, ARGV[2] ttl ms, ARGV[2 + i] the cap of KEYS[i].
 * Returns 0 (admitted) or the index of the key that is full.
 */
const ADMIT_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[2])
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
  if redis.call('ZCARD', key) >= tonumber(ARGV[2 + i]) then return i end
end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now + ttl, ARGV[1])
  redis.call('PEXPIRE', key, ttl)
end
return 0
`;

/** Pushes the expiry of live sockets forward. KEYS[i] holds member ARGV[1 + i]; ARGV[1] ttl ms. */
const REFRESH_LUA = `
local t = redis.call('TIME')
local expires = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  redis.call('ZADD', key, expires, ARGV[1 + i])
  redis.call('PEXPIRE', key, ARGV[1])
end
return 0
`;

const REFRESH_BATCH = 500;

export interface SharedSocketCountsOptions {
  url: string;
  keyPrefix: string;
  nodeId: string;
  /** How long a socket counts without its node refreshing it; nodes refresh every third of it. */
  ttlMs: number;
  logger: Logger;
}

type AdmitScript = (...args: string[]) => Promise<number>;

/** A counted key and its cap. */
export interface CappedKey {
  key: string;
  cap: number;
}

/**
 * Open sockets per user and per address across every node, in Redis: one sorted set per counted
 * key. Each node refreshes the expiry of its own sockets on a timer and removes them when they close.
 */
export class SharedSocketCounts {
  private readonly redis: Redis;
  /** This node's counted sockets: member → the keys it counts in. */
  private readonly own = new Map<string, string[]>();
  private readonly timer: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: SharedSocketCountsOptions) {
    this.redis = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 2_000,
      enableAutoPipelining: true,
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
      connectionName: `sb-socket-caps-${options.nodeId}`
    });
    this.redis.on("error", (err) => options.logger.debug({ err }, "socket caps redis error"));
    this.redis.defineCommand("sbAdmitSocket", { lua: ADMIT_LUA });
    this.redis.defineCommand("sbRefreshSockets", { lua: REFRESH_LUA });
    this.timer = setInterval(() => void this.refresh(), Math.max(50, Math.floor(options.ttlMs / 3)));
    this.timer.unref();
  }

  key(kind: "user" | "ip", id: string): string {
    return `${this.options.keyPrefix}:socket-caps:${kind}:${id}`;
  }

  /** Admits and records the socket, or names the index of the full key; throws when Redis cannot answer. */
  async admit(socketId: string, keys: CappedKey[]): Promise<number> {
    if (this.closed) throw new Error("socket caps closed");
    const member = this.member(socketId);
    const script = (this.redis as unknown as { sbAdmitSocket: AdmitScript }).sbAdmitSocket.bind(this.redis);
    const full = await script(String(keys.length), ...keys.map((k) => k.key), member, String(this.options.ttlMs), ...keys.map((k) => String(k.cap)));
    if (full === 0)
      this.own.set(
        member,
        keys.map((k) => k.key)
      );
    return full;
  }

  release(socketId: string): void {
    const member = this.member(socketId);
    const keys = this.own.get(member);
    if (!keys || this.closed) return;
    this.own.delete(member);
    for (const key of keys) this.redis.zrem(key, member).catch((err: unknown) => this.options.logger.debug({ err }, "socket caps release failed; it expires"));
  }

  /** Graceful: this node's sockets stop counting now. Otherwise (a crash) they expire with the TTL. */
  async close(graceful: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    if (!graceful) {
      this.redis.disconnect();
      return;
    }
    try {
      for (const [member, keys] of this.own) for (const key of keys) await this.redis.zrem(key, member);
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
    this.own.clear();
  }

  private member(socketId: string): string {
    return `${this.options.nodeId}|${socketId}`;
  }

  private async refresh(): Promise<void> {
    const pairs = [...this.own].flatMap(([member, keys]) => keys.map((key) => [key, member] as const));
    const script = (this.redis as unknown as { sbRefreshSockets: AdmitScript }).sbRefreshSockets.bind(this.redis);
    try {
      for (let i = 0; i < pairs.length; i += REFRESH_BATCH) {
        const batch = pairs.slice(i, i + REFRESH_BATCH);
        await script(String(batch.length), ...batch.map(([key]) => key), String(this.options.ttlMs), ...batch.map(([, member]) => member));
      }
    } catch (error) {
      this.options.logger.warn({ err: error }, "socket caps refresh failed; retrying on the next beat");
    }
  }
}
