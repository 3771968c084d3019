import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDatabase, type Database } from "@switchboard/db";
import { createRelay, RedisEventLog, type EventLog, type Relay, type RetentionPolicy } from "@switchboard/events";
import { Redis } from "ioredis";
import { pino, type Logger } from "pino";
import { createRealtimeServer, type RealtimeServer } from "../../src/create-realtime-server";
import type { RealtimeOptionsInput } from "../../src/options";
import { AUTH_SECRET } from "./identity";

export const SHARED_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export function testLogger(): Logger {
  return pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });
}

/** A key prefix of its own per test file, so runs on the shared Redis never collide. */
export function uniquePrefix(): string {
  return `sbtest-${randomBytes(5).toString("hex")}`;
}

export interface TestNode {
  nodeId: string;
  realtime: RealtimeServer;
  http: Server;
  port: number;
  url: string;
  log: EventLog;
  /** Graceful shutdown. */
  stop(): Promise<void>;
  /** A crash: stops listening and drops every connection, no cleanup reaches Redis. */
  kill(): Promise<void>;
}

export interface NodeSetup {
  database: Database;
  log: EventLog;
  redis?: { url: string; keyPrefix: string };
  nodeId?: string;
  options?: RealtimeOptionsInput;
  /** Extra resources this node owns (its relay, its own log), stopped with it. */
  owned?: Array<() => Promise<void>>;
  relay?: Relay;
}

/** A realtime node on its own http server on a random port. */
export async function startNode(setup: NodeSetup): Promise<TestNode> {
  const http = createServer((req, res) => {
    if (realtime.handleOpsRequest(req, res)) return;
    res.writeHead(404).end();
  });
  const realtime = createRealtimeServer(http, {
    database: setup.database,
    log: setup.log,
    authSecret: AUTH_SECRET,
    redis: setup.redis,
    logger: testLogger(),
    nodeId: setup.nodeId,
    relay: setup.relay,
    // Presence as deltas unless a test sets a page (tests that watch joins share orgs and nodes;
    // a fifth of the default page would turn their bursts into summaries).
    options: { pingIntervalMs: 2_000, pingTimeoutMs: 2_000, presencePageSize: 1_000, ...setup.options }
  });
  await realtime.ready();
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const port = (http.address() as AddressInfo).port;
  const releaseOwned = async () => {
    for (const release of setup.owned ?? []) await release().catch(() => undefined);
  };
  let done = false;
  return {
    nodeId: realtime.nodeId,
    realtime,
    http,
    port,
    url: `http://127.0.0.1:${port}`,
    log: setup.log,
    async stop() {
      if (done) return;
      done = true;
      // As the node process does on SIGTERM: refuse new connections, drain the sockets, close.
      const closed = new Promise((resolve) => http.close(resolve));
      await realtime.close({ graceful: true });
      await releaseOwned();
      http.closeAllConnections();
      await closed;
    },
    async kill() {
      if (done) return;
      done = true;
      // Refuse new connections first so reconnects go elsewhere, then drop the live ones.
      http.close();
      await realtime.close({ graceful: false });
      http.closeAllConnections();
      await releaseOwned();
    }
  };
}

/**
 * A realtime node as deployed in a cluster: its own database handle, its own Redis event log and
 * a safety-net relay, the Socket.IO Redis adapter and Redis presence.
 */
export async function startClusterNode(config: {
  databaseUrl: string;
  redisUrl: string;
  keyPrefix: string;
  retention?: RetentionPolicy;
  nodeId?: string;
  options?: RealtimeOptionsInput;
  /** Wraps the node's view of the log (its relay still appends to the real one). */
  wrapLog?: (log: EventLog) => EventLog;
}): Promise<TestNode> {
  const logger = testLogger();
  const database = createDatabase({ kind: "postgres", url: config.databaseUrl, poolSize: 2 });
  const redisLog = new RedisEventLog({ url: config.redisUrl, keyPrefix: config.keyPrefix, retention: config.retention, logger, blockMs: 1_000 });
  const log = config.wrapLog ? config.wrapLog(redisLog) : redisLog;
  await log.start();
  const relay = createRelay({ database, log, logger });
  relay.start();
  return startNode({
    database,
    log,
    relay,
    redis: { url: config.redisUrl, keyPrefix: config.keyPrefix },
    nodeId: config.nodeId,
    options: config.options,
    owned: [() => relay.stop(), () => log.close(), () => database.close()]
  });
}

export interface Writer {
  log: RedisEventLog;
  relay: Relay;
  stop(): Promise<void>;
}

/** What the web app runs beside its writes: a relay publishing committed outbox rows to the Redis log. */
export async function startWriter(database: Database, redisUrl: string, keyPrefix: string, retention?: RetentionPolicy): Promise<Writer> {
  const logger = testLogger();
  const log = new RedisEventLog({ url: redisUrl, keyPrefix, retention, logger });
  await log.start();
  const relay = createRelay({ database, log, logger, pollIntervalMs: 200, maxBackoffMs: 500 });
  relay.start();
  return {
    log,
    relay,
    async stop() {
      await relay.stop();
      await log.close();
    }
  };
}

/** Deletes a test's keys from the shared Redis. */
export async function dropRedisPrefix(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    let cursor = "0";
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", `${prefix}:*`, "COUNT", 500);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== "0");
  } finally {
    redis.disconnect();
  }
}
