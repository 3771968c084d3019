import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { hostname } from "node:os";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Database } from "@switchboard/db";
import type { ServerStatus } from "@switchboard/contracts";
import type { EventLog } from "@switchboard/events";
import type { Logger } from "pino";
import { Server } from "socket.io";
import { AccessWatch } from "./access/access-watch";
import { createAuthMiddleware } from "./auth/authenticate";
import { SessionUserLoader } from "./auth/session-user-loader";
import { createConnectionHandler } from "./connection";
import { coalesceUpgradeWrites, coalesceWebSocketFrames } from "./delivery/coalesce-frames";
import { Delivery } from "./delivery/delivery";
import { drainSockets } from "./drain-sockets";
import { startHeartbeat } from "./delivery/heartbeat";
import { SharedSocketCounts } from "./guard/shared-socket-counts";
import { createSocketCaps } from "./guard/socket-caps";
import { watchSlowClients } from "./guard/slow-clients";
import type { RealtimeIo } from "./io-types";
import { RealtimeMetrics } from "./ops/metrics";
import { createOpsHandler, type Readiness } from "./ops/ops-handler";
import { checkReadiness } from "./ops/readiness";
import { createAdapterClients } from "./redis-clients";
import { resolveOptions, type RealtimeOptions, type RealtimeOptionsInput } from "./options";
import { MemoryPresenceStore } from "./presence/memory-presence-store";
import { PresenceService } from "./presence/presence-service";
import { RedisPresenceStore } from "./presence/redis-presence-store";
import { MemoryTicketPresenceStore } from "./ticket-presence/memory-ticket-presence-store";
import { RedisTicketPresenceStore } from "./ticket-presence/redis-ticket-presence-store";
import { ticketAccessOf } from "./ticket-presence/ticket-presence-access";
import { TicketPresenceService } from "./ticket-presence/ticket-presence-service";

export interface RealtimeDeps {
  database: Database;
  log: EventLog;
  authSecret: string;
  /** Absent: single node (in-memory adapter and presence). Present: one cluster with every node on it. */
  redis?: { url: string; keyPrefix?: string };
  logger: Logger;
  nodeId?: string;
  /** The process's relay, when it runs one: its stats appear in /stats. */
  relay?: { stats(): unknown };
  options?: RealtimeOptionsInput;
}

export interface RealtimeServer {
  io: RealtimeIo;
  nodeId: string;
  options: RealtimeOptions;
  /** Resolves once the node takes part in the cluster (adapter subscribed, presence registered). */
  ready(): Promise<void>;
  readiness(): Promise<Readiness>;
  stats(): RealtimeStats;
  /** /healthz, /readyz, /stats, /metrics (also under /realtime/…); false = not ours. */
  handleOpsRequest(req: IncomingMessage, res: ServerResponse): boolean;
  /** graceful (default): `server:draining` to every socket (they move to another node), announce departures, then drop whoever is left.
   *  graceful: false behaves like a crash: no cleanup reaches Redis (tests, fatal errors). */
  close(options?: { graceful?: boolean }): Promise<void>;
}

type RealtimeStats = ReturnType<typeof buildStats>;

function defaultNodeId(): string {
  return `${hostname().replace(/[^A-Za-z0-9_.-]/g, "-")}-${process.pid}-${randomUUID().slice(0, 6)}`;
}

function buildStats(
  io: RealtimeIo,
  nodeId: string,
  startedAt: number,
  parts: { delivery: Delivery; metrics: RealtimeMetrics; deps: RealtimeDeps; presence: PresenceService }
) {
  const { delivery, metrics, deps, presence } = parts;
  const sockets = delivery.stats();
  return {
    nodeId,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    connections: io.of("/").sockets.size,
    rooms: io.of("/").adapter.rooms.size,
    sockets,
    eventsPerSecond: { in: metrics.eventsInRate.perSecond(), out: metrics.eventsOutRate.perSecond() },
    totals: metrics.totals,
    log: { kind: deps.log.kind, live: deps.log.isLive() },
    presence: { kind: deps.redis ? "redis" : "memory", healthy: presence.isHealthy() },
    relay: deps.relay?.stats() ?? null
  };
}

/**
 * The realtime server on an existing HTTP server: attaches Socket.IO at `options.path` and leaves
 * every other request to the host (embedded mode shares the server with Next.js).
 */
export function createRealtimeServer(httpServer: HttpServer, deps: RealtimeDeps): RealtimeServer {
  const options = resolveOptions(deps.options);
  const nodeId = deps.nodeId ?? defaultNodeId();
  const logger = deps.logger.child({ component: "realtime", nodeId });
  const startedAt = Date.now();
  const keyPrefix = deps.redis?.keyPrefix ?? "sb";

  const { pub, sub } = deps.redis ? createAdapterClients(deps.redis.url, nodeId, logger) : { pub: undefined, sub: undefined };

  coalesceWebSocketFrames();
  const io: RealtimeIo = new Server(httpServer, {
    path: options.path,
    serveClient: false,
    maxHttpBufferSize: options.maxPayloadBytes,
    pingInterval: options.pingIntervalMs,
    pingTimeout: options.pingTimeoutMs,
    // Other upgrade handlers (Next.js dev HMR in embedded mode) own their paths.
    destroyUpgrade: false,
    ...(options.corsOrigins.length ? { cors: { origin: options.corsOrigins, credentials: true } } : {}),
    ...(pub && sub ? { adapter: createAdapter(pub, sub, { key: `${keyPrefix}:socket.io` }) } : {})
  });
  coalesceUpgradeWrites(io.engine);

  const metrics = new RealtimeMetrics(nodeId, () => io.of("/").sockets.size, options.processMetrics);
  const db = deps.database.client;
  const users = new SessionUserLoader(db);
  const store = deps.redis
    ? new RedisPresenceStore({ url: deps.redis.url, keyPrefix, nodeId, ttlMs: options.presenceTtlMs, logger })
    : new MemoryPresenceStore();
  const presence = new PresenceService(io, store, logger, (socket) => delivery.holds(socket, "presence"), {
    batchMs: options.presenceBatchMs,
    pageSize: options.presencePageSize,
    summaryMs: options.presenceSummaryMs
  });
  const ticketTimings = { ttlMs: options.ticketPresenceTtlMs, typingTtlMs: options.ticketTypingTtlMs, recheckMs: options.ticketAccessRecheckMs };
  const ticketStore = deps.redis
    ? new RedisTicketPresenceStore({ url: deps.redis.url, keyPrefix, nodeId, logger, ...ticketTimings })
    : new MemoryTicketPresenceStore(ticketTimings);
  const ticketPresence = new TicketPresenceService(io, ticketStore, ticketTimings, (ids) => ticketAccessOf(db, ids), logger);
  const access = new AccessWatch(
    users,
    {
      refreshed(socket) {
        presence.refresh(socket);
        ticketPresence.recheckAccess();
      }
    },
    logger
  );
  const delivery = new Delivery({
    io,
    log: deps.log,
    db,
    logger,
    metrics,
    replayBufferLimit: options.replayBufferLimit,
    replayPaging: { pageEvents: options.replayPageEvents, ackTimeoutMs: options.replayPageAckTimeoutMs },
    access
  });

  let live = deps.log.isLive();
  let everLive = live;
  let closing = false;
  const status = (): ServerStatus => ({ live, nodeId, heartbeatIntervalMs: options.heartbeatIntervalMs });
  const offStatus = deps.log.onStatus((now) => {
    if (now === live) return;
    live = now;
    if (live) logger.info("event log live");
    // Before the first time it is live this is just startup, not an outage.
    else if (everLive) logger.warn("event log unreachable: live updates delayed");
    everLive ||= live;
    io.local.emit("server:status", status());
  });
  delivery.start();
  const stopSlowWatch = watchSlowClients(io, options.slowClientMaxBufferedBytes, options.slowClientCheckMs, metrics, logger);
  const stopHeartbeat = startHeartbeat(io, delivery, nodeId, options.heartbeatIntervalMs);

  const authenticate = createAuthMiddleware({ users, authSecret: deps.authSecret, logger, metrics, corsOrigins: options.corsOrigins });
  io.use((socket, next) => {
    if (closing) return next(Object.assign(new Error("server shutting down"), { data: { code: "unavailable" } }));
    authenticate(socket, next);
  });
  const socketCounts =
    deps.redis && (options.maxSocketsPerUser > 0 || options.maxSocketsPerIp > 0)
      ? new SharedSocketCounts({ url: deps.redis.url, keyPrefix, nodeId, ttlMs: options.socketCountTtlMs, logger })
      : undefined;
  io.use(createSocketCaps(options, socketCounts, logger));
  io.on("connection", createConnectionHandler({ db, delivery, presence, ticketPresence, metrics, options, logger, status }));

  const startup = (async () => {
    if (pub && sub) {
      await Promise.all([pub.ping(), sub.ping()]);
    }
    await Promise.all([presence.start(), ticketPresence.start()]);
    logger.info({ redis: Boolean(deps.redis), path: options.path }, "realtime server ready");
  })();
  startup.catch((error: unknown) => logger.error({ err: error }, "realtime server failed to start"));

  const stats = () => buildStats(io, nodeId, startedAt, { delivery, metrics, deps, presence });
  const readiness = () => checkReadiness({ database: deps.database, log: deps.log, presence, redisClients: pub && sub ? [pub, sub] : [] });

  return {
    io,
    nodeId,
    options,
    ready: () => startup,
    readiness,
    stats,
    handleOpsRequest: createOpsHandler({ readiness, stats, registry: metrics.registry, opsToken: options.opsToken }),
    async close({ graceful = true } = {}) {
      if (closing) return;
      // From here new handshakes are refused; the open sockets are asked to move before anything stops.
      closing = true;
      if (graceful) {
        const drained = await drainSockets(io, nodeId, options.drainTimeoutMs);
        if (drained > 0) logger.info({ sockets: drained, left: drained - io.of("/").sockets.size }, "asked consoles to reconnect to another node");
      }
      stopSlowWatch();
      stopHeartbeat();
      delivery.stop();
      offStatus();
      await startup.catch(() => undefined);
      // Before the transports close: a crash must leave its counts to expire, not remove them.
      await Promise.all([presence.close(graceful), ticketPresence.close(graceful), socketCounts?.close(graceful)]);
      // Closing transports (not a Socket.IO disconnect) makes clients reconnect, to another node if this one is gone.
      io.engine.close();
      if (graceful) {
        await io.of("/").adapter.close();
        await Promise.all([pub?.quit(), sub?.quit()].map((p) => p?.catch(() => undefined)));
      } else {
        pub?.disconnect();
        sub?.disconnect();
      }
      logger.info({ graceful }, "realtime server closed");
    }
  };
}
