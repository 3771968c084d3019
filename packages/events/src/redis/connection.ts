import { Redis } from "ioredis";
import type { Logger } from "pino";

export interface ConnectionSettings {
  url: string;
  name: string;
  logger: Logger;
  /** Client-side limit for one command; a hung Redis must fail fast, not stall the relay. */
  commandTimeoutMs: number;
  /** True once the owner is shutting down: a deliberate close is not an outage. */
  isClosing(): boolean;
  onUp(): void;
  onDown(): void;
  /**
   * Send the commands issued in one tick in one write (never for a connection that blocks): a
   * reconnect storm issues thousands of small reads, and each write is a syscall.
   */
  autoPipelining?: boolean;
}

/** Reconnect quickly after a blip, then every 2 s at most. */
function reconnectDelay(attempt: number): number {
  return Math.min(attempt * 100, 2000);
}

/**
 * A connection that fails fast while Redis is unreachable: no offline queue, no silent re-sending
 * of commands after a reconnect (a resent blocking read could land on a restarted, empty server
 * and skip what it lost). Reconnects forever in the background and reports up/down transitions.
 */
export function createConnection(settings: ConnectionSettings): Redis {
  const redis = new Redis(settings.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    commandTimeout: settings.commandTimeoutMs,
    connectTimeout: Math.max(settings.commandTimeoutMs, 1000),
    retryStrategy: reconnectDelay,
    connectionName: settings.name,
    enableAutoPipelining: settings.autoPipelining ?? false
  });
  let down = false;
  redis.on("ready", () => {
    if (down) settings.logger.info({ connection: settings.name }, "event log connection restored");
    down = false;
    settings.onUp();
  });
  const markDown = (error?: Error) => {
    if (settings.isClosing()) return settings.onDown();
    if (!down) {
      settings.logger.warn({ connection: settings.name, err: error?.message }, "event log connection lost; reconnecting");
    }
    down = true;
    settings.onDown();
  };
  // Without an "error" listener ioredis prints every failed reconnect attempt.
  redis.on("error", (error: Error) => markDown(error));
  redis.on("close", () => markDown());
  redis.on("end", () => markDown());
  return redis;
}

/** QUIT politely, but never wait long for it: close() must not hang on a dead server. */
export async function closeConnection(redis: Redis, timeoutMs = 1000): Promise<void> {
  if (redis.status === "end") return;
  if (redis.status !== "ready") {
    redis.disconnect();
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.quit().catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
      })
    ]);
  } finally {
    clearTimeout(timer);
    redis.disconnect();
  }
}
