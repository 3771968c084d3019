import type { Database } from "@switchboard/db";
import type { EventLog } from "@switchboard/events";
import type { Redis } from "ioredis";
import type { PresenceService } from "../presence/presence-service";
import type { Readiness } from "./ops-handler";

const DB_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Ready = can deliver: the event log is reachable, the database answers, the cluster bus is up. */
export async function checkReadiness(parts: { database: Database; log: EventLog; presence: PresenceService; redisClients: Redis[] }): Promise<Readiness> {
  const checks: Readiness["checks"] = {};
  checks.eventLog = parts.log.isLive() ? { ok: true } : { ok: false, reason: `${parts.log.kind} event log unreachable` };
  try {
    await withTimeout(parts.database.raw.$queryRaw`SELECT 1`, DB_TIMEOUT_MS, "database");
    checks.database = { ok: true };
  } catch (error) {
    checks.database = { ok: false, reason: error instanceof Error ? error.message : "database unreachable" };
  }
  if (parts.redisClients.length) {
    const down = parts.redisClients.filter((c) => c.status !== "ready").length;
    checks.adapter = down ? { ok: false, reason: "Socket.IO Redis adapter disconnected" } : { ok: true };
  }
  checks.presence = parts.presence.isHealthy() ? { ok: true } : { ok: false, reason: "presence store unreachable" };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}
