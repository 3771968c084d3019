import { randomUUID } from "node:crypto";
import { createDatabase, type Database } from "@switchboard/db";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll } from "vitest";
import { RedisEventLog } from "../redis-event-log";
import { createRelay, type Relay, type RelayOptions } from "../relay";
import { startPrivateRedis, waitFor, type PrivateRedis } from "../testing";

const silent = pino({ level: "silent" });
/** Longer than any test: a change published within a test's limit was not found by a poll (nor after a standby's delay). */
export const NEVER_MS = 10 * 60_000;

/**
 * A test database, a private Redis, a writer and relays woken only by PostgreSQL NOTIFY: each relay
 * has a database client of its own, as in its own process, so the writer's commits never reach its
 * in-process notifier. Registers the suite's hooks (call it inside `describe`); what a test starts
 * is stopped after it, in reverse order.
 */
export function useListeningRelays() {
  let testDb: TestDatabase | undefined;
  let redis: PrivateRedis | undefined;
  let writer: Database | undefined;
  const keyPrefix = `t-${randomUUID().slice(0, 8)}`;
  const cleanups: (() => Promise<void>)[] = [];
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useListeningRelays: used before its beforeAll ran");
    return value;
  };

  beforeAll(async () => {
    [testDb, redis] = await Promise.all([createTestDatabase(), startPrivateRedis()]);
    writer = createDatabase({ kind: "postgres", url: testDb.url, poolSize: 4 });
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await writer?.close();
    await Promise.all([testDb?.drop(), redis?.stop()]);
  });

  return {
    get testDb() {
      return ready(testDb);
    },
    /** Another process's writes. */
    get writer() {
      return ready(writer);
    },
    /** Runs after the current test, before what was registered earlier. */
    afterThisTest(cleanup: () => Promise<void>) {
      cleanups.push(cleanup);
    },
    /** A started relay (no polls unless asked) once its LISTEN is in place, with its own log on the shared keys. */
    async startRelay(options: Partial<RelayOptions> = {}): Promise<{ relay: Relay; log: RedisEventLog }> {
      const log = new RedisEventLog({ url: ready(redis).url, keyPrefix, logger: silent, blockMs: 200 });
      await log.start();
      cleanups.push(() => log.close());
      const database = createDatabase({ kind: "postgres", url: ready(testDb).url, poolSize: 2 });
      cleanups.push(() => database.close());
      const relay = createRelay({ database, log, logger: silent, pollIntervalMs: NEVER_MS, listenRetryMs: 100, ...options });
      relay.start();
      cleanups.push(() => relay.stop());
      await waitFor(() => relay.stats().listening, { what: "the relay to LISTEN", timeoutMs: 20_000 });
      return { relay, log };
    },
    async publishedSeqs(log: RedisEventLog, orgId: string): Promise<number[]> {
      const result = await log.readSince(orgId, 0);
      if (result.kind !== "events") throw new Error("unexpected resync");
      return result.events.map((e) => e.seq);
    }
  };
}
