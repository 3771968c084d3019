import { Redis } from "ioredis";
import type { Logger } from "pino";

// The adapter fires these without awaiting them; while Redis is down their rejections would be
// unhandled and take the process down. Outages are reported by /readyz and server:status instead.
const FIRE_AND_FORGET = ["publish", "subscribe", "psubscribe", "unsubscribe", "punsubscribe"] as const;

function swallowRejections(client: Redis, logger: Logger): void {
  const commands = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const name of FIRE_AND_FORGET) {
    const original = commands[name]?.bind(client);
    if (!original) continue;
    commands[name] = (...args: unknown[]) => {
      const pending = original(...args);
      pending.catch((err: unknown) => logger.debug({ err, command: name }, "adapter redis command failed"));
      return pending;
    };
  }
}

/** The Socket.IO Redis adapter's publisher and subscriber connections. */
export function createAdapterClients(url: string, nodeId: string, logger: Logger): { pub: Redis; sub: Redis } {
  const pub = new Redis(url, { connectionName: `sb-adapter-pub-${nodeId}`, retryStrategy: (attempt) => Math.min(attempt * 100, 2_000) });
  const sub = pub.duplicate({ connectionName: `sb-adapter-sub-${nodeId}` });
  for (const client of [pub, sub]) {
    client.on("error", (err) => logger.debug({ err }, "adapter redis error"));
    swallowRejections(client, logger);
  }
  return { pub, sub };
}
