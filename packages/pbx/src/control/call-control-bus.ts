import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { z } from "zod";
import { CALL_CONTROL_ERRORS, callControlRequestSchema, type CallControlResult } from "../ami/call-control";
import { CALL_CONTROL_TIMEOUT_MS, withTimeout, type CallControlGateway, type CallControlTarget } from "./call-control-gateway";

export interface CallControlBusOptions {
  url: string;
  /** Namespace of every key and channel (REDIS_KEY_PREFIX). */
  keyPrefix: string;
  log: Logger;
}

const requestChannel = (prefix: string) => `${prefix}:pbx:control`;
const refreshChannel = (prefix: string) => `${prefix}:pbx:refresh`;

const wireRequestSchema = z.object({ id: z.string().min(1), orgId: z.string().min(1), replyTo: z.string().min(1), request: callControlRequestSchema });
const wireReplySchema = z.object({
  id: z.string(),
  result: z.union([
    z.object({ ok: z.literal(true), message: z.string() }),
    z.object({
      ok: z.literal(false),
      code: z.enum(["invalid", "not_connected", "call_ended", "not_answered", "no_such_extension", "refused", "timeout"]),
      error: z.string()
    })
  ])
});

function connection(url: string, name: string, log: Logger, role: "publisher" | "subscriber"): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    // A publish to a Redis that is down fails at once instead of waiting past the timeout; a
    // subscription waits for the connection (and is renewed after every reconnect).
    enableOfflineQueue: role === "subscriber",
    maxRetriesPerRequest: role === "subscriber" ? null : 0,
    connectionName: name,
    // A Redis restarted empty has forgotten every subscription: renew them on each reconnect.
    autoResubscribe: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2000)
  });
  redis.on("error", (error: Error) => log.debug({ err: error.message, connection: name }, "call-control Redis connection error"));
  return redis;
}

/**
 * Connects both connections and subscribes, and returns a wait for that to be done — bounded, so
 * a process starts (and keeps ingesting PBX events) while Redis is down; ioredis keeps
 * reconnecting and call control works once it is up.
 */
function startConnections(publisher: Redis, subscriber: Redis, subscribe: () => Promise<unknown>, log: Logger): (maxMs: number) => Promise<void> {
  const warn = (error: unknown) => log.warn({ err: error instanceof Error ? error.message : error }, "call control: Redis is not reachable yet; retrying");
  const published = new Promise<void>((resolve) => publisher.once("ready", () => resolve()));
  publisher.connect().catch(warn);
  subscriber.connect().catch(warn);
  const subscribed = subscribe().then(
    () => undefined,
    (error: unknown) => log.warn({ err: error }, "call control: subscribing failed")
  );
  const ready = Promise.all([published, subscribed]).then(() => undefined);
  return async (maxMs) => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ready, new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs)))]);
    clearTimeout(timer);
  };
}

async function quit(redis: Redis): Promise<void> {
  await Promise.race([redis.quit().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000))]);
  redis.disconnect();
}

/**
 * The web side of call control in the cluster: each request is published on
 * `{prefix}:pbx:control` with a reply channel private to this process, and answered by the
 * supervisor that owns the organization's AMI connection. Nobody listening → "PBX not
 * connected" at once; no answer in time → timeout.
 */
export async function createRedisCallControlClient(options: CallControlBusOptions & { timeoutMs?: number }): Promise<CallControlGateway> {
  const { log } = options;
  const timeoutMs = options.timeoutMs ?? CALL_CONTROL_TIMEOUT_MS;
  const replyTo = `${options.keyPrefix}:pbx:control:reply:${randomUUID()}`;
  const publisher = connection(options.url, "call-control-client", log, "publisher");
  const subscriber = connection(options.url, "call-control-replies", log, "subscriber");
  const pending = new Map<string, (result: CallControlResult) => void>();
  subscriber.on("message", (_channel: string, text: string) => {
    let reply: z.infer<typeof wireReplySchema>;
    try {
      reply = wireReplySchema.parse(JSON.parse(text));
    } catch (error) {
      log.warn({ err: error }, "ignoring a malformed call-control reply");
      return;
    }
    pending.get(reply.id)?.(reply.result);
  });
  const whenReady = startConnections(publisher, subscriber, () => subscriber.subscribe(replyTo), log);
  await whenReady(2000);

  return {
    kind: "redis",
    async control(orgId, request) {
      await whenReady(1000);
      const id = randomUUID();
      const answer = new Promise<CallControlResult>((resolve) => pending.set(id, resolve));
      try {
        const receivers = await publisher.publish(requestChannel(options.keyPrefix), JSON.stringify({ id, orgId, replyTo, request }));
        if (receivers === 0) return CALL_CONTROL_ERRORS.notConnected;
        return await withTimeout(answer, timeoutMs, CALL_CONTROL_ERRORS.timeout, () => CALL_CONTROL_ERRORS.timeout);
      } catch (error) {
        log.warn({ err: error }, "call control could not reach the connector over Redis");
        return { ok: false, code: "not_connected", error: "PBX not connected: the connector cannot be reached (Redis is unavailable)" };
      } finally {
        pending.delete(id);
      }
    },
    async refresh() {
      await publisher.publish(refreshChannel(options.keyPrefix), "1").catch((error: unknown) => {
        log.warn({ err: error }, "could not ask the connector to re-read PBX connections; it will at its next refresh");
      });
    },
    async close() {
      for (const resolve of pending.values()) resolve(CALL_CONTROL_ERRORS.notConnected);
      pending.clear();
      await Promise.all([quit(publisher), quit(subscriber)]);
    }
  };
}

/**
 * The supervisor side: answers requests for the organizations it is connected to and leaves the
 * rest to whichever process owns them (the requester times out if none does).
 */
export async function serveCallControl(target: CallControlTarget, options: CallControlBusOptions): Promise<{ close(): Promise<void> }> {
  const { log } = options;
  const subscriber = connection(options.url, "call-control-server", log, "subscriber");
  const publisher = connection(options.url, "call-control-answers", log, "publisher");
  const inFlight = new Set<Promise<void>>();

  async function handle(text: string): Promise<void> {
    let message: z.infer<typeof wireRequestSchema>;
    try {
      message = wireRequestSchema.parse(JSON.parse(text));
    } catch (error) {
      log.warn({ err: error }, "ignoring a malformed call-control request");
      return;
    }
    if (!target.owns(message.orgId)) return;
    const result = await target.control(message.orgId, message.request).catch((error: unknown): CallControlResult => {
      log.error({ err: error }, "call control failed");
      return { ok: false, code: "refused", error: "call control failed unexpectedly" };
    });
    log.info({ orgId: message.orgId, action: message.request.action, ok: result.ok }, "call control");
    await publisher.publish(message.replyTo, JSON.stringify({ id: message.id, result })).catch((error: unknown) => {
      log.warn({ err: error }, "could not send the call-control answer");
    });
  }

  subscriber.on("message", (channel: string, text: string) => {
    if (channel === refreshChannel(options.keyPrefix)) {
      void target.refresh();
      return;
    }
    const work = handle(text).finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  const whenReady = startConnections(
    publisher,
    subscriber,
    () => subscriber.subscribe(requestChannel(options.keyPrefix), refreshChannel(options.keyPrefix)),
    log
  );
  await whenReady(2000);
  return {
    async close() {
      await quit(subscriber);
      await Promise.all(inFlight);
      await quit(publisher);
    }
  };
}
