import type { Server as HttpServer } from "node:http";
import type { Database } from "@switchboard/db";
import { createRelay, MemoryEventLog, RedisEventLog, type EventLog, type Relay, type RetentionPolicy } from "@switchboard/events";
import type { Logger } from "pino";
import { createRealtimeServer, type RealtimeServer } from "../create-realtime-server";
import type { RealtimeOptionsInput } from "../options";

export interface EventPipelineConfig {
  database: Database;
  logger: Logger;
  retention: RetentionPolicy;
  /** Absent: the in-memory event log, for one process that also hosts the realtime server. */
  redis?: { url: string; keyPrefix: string };
  /** Run a relay in this process (default true); a process without one relies on others'. */
  relay?: boolean;
  /** Whether that relay may lead the others (default true; `lead` in packages/events/src/relay.ts). */
  relayLeads?: boolean;
  /** How long the relay keeps published events that someone caused (the activity log). */
  activityRetentionDays?: number;
  /** Host a realtime server on this HTTP server (the standalone node, or the embedded web app). */
  realtime?: { httpServer: HttpServer; authSecret: string; nodeId?: string; options?: RealtimeOptionsInput };
}

export interface EventPipeline {
  log: EventLog;
  relay: Relay | undefined;
  realtime: RealtimeServer | undefined;
  /** Realtime first (consoles are told to reconnect elsewhere), then the relay's round, then the log. */
  close(): Promise<void>;
}

/**
 * Where committed changes go, for every process that publishes or delivers them: the event log
 * (Redis streams, or memory for a single process), the outbox relay that feeds it, and optionally
 * a realtime server delivering it. The web app and the standalone realtime node both start here.
 */
export async function startEventPipeline(config: EventPipelineConfig): Promise<EventPipeline> {
  const { database, logger, redis } = config;
  const log: EventLog = redis
    ? new RedisEventLog({ url: redis.url, keyPrefix: redis.keyPrefix, retention: config.retention, logger })
    : new MemoryEventLog(config.retention);
  await log.start();
  const relay =
    config.relay === false
      ? undefined
      : createRelay({ database, log, logger, retainActivityDays: config.activityRetentionDays, lead: config.relayLeads ?? true });

  let realtime: RealtimeServer | undefined;
  if (config.realtime) {
    const { httpServer, ...rest } = config.realtime;
    realtime = createRealtimeServer(httpServer, { database, log, logger, relay, ...(redis ? { redis } : {}), ...rest });
    await realtime.ready();
  }
  relay?.start();
  logger.info({ log: log.kind, relay: Boolean(relay), realtime: Boolean(realtime) }, "event pipeline started");

  return {
    log,
    relay,
    realtime,
    async close() {
      await realtime?.close({ graceful: true });
      await relay?.stop();
      await log.close();
    }
  };
}
