import { randomUUID } from "node:crypto";
import { createDatabase, type Database } from "@switchboard/db";
import { createExtensionRow, createOrganization } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RedisEventLog } from "./redis-event-log";
import { createRelay, type Relay } from "./relay";
import { startPrivateRedis, waitFor, type PrivateRedis } from "./testing";

const silent = pino({ level: "silent" });
/** Long enough that a change published within a test's limit was not found by a poll. */
const NO_POLL_MS = 10 * 60_000;

describe("relay woken by PostgreSQL NOTIFY", () => {
  let testDb: TestDatabase;
  let redis: PrivateRedis;
  /** Another process's writes: its commits never reach the relay's in-process notifier. */
  let writer: Database;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    [testDb, redis] = await Promise.all([createTestDatabase(), startPrivateRedis()]);
    writer = createDatabase({ kind: "postgres", url: testDb.url, poolSize: 4 });
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await writer.close();
    await Promise.all([testDb.drop(), redis.stop()]);
  });

  async function startListeningRelay(options: { pollIntervalMs: number; listenRetryMs: number }): Promise<{ relay: Relay; log: RedisEventLog }> {
    const log = new RedisEventLog({ url: redis.url, keyPrefix: `t-${randomUUID().slice(0, 8)}`, logger: silent, blockMs: 200 });
    await log.start();
    cleanups.push(() => log.close());
    const relay = createRelay({ database: testDb.database, log, logger: silent, ...options });
    relay.start();
    cleanups.push(() => relay.stop());
    await waitFor(() => relay.stats().listening, { what: "the relay to LISTEN", timeoutMs: 20_000 });
    return { relay, log };
  }

  async function publishedSeqs(log: RedisEventLog, orgId: string): Promise<number[]> {
    const result = await log.readSince(orgId, 0);
    if (result.kind !== "events") throw new Error("unexpected resync");
    return result.events.map((e) => e.seq);
  }

  it("publishes another process's commit without waiting for the poll", async () => {
    const { log } = await startListeningRelay({ pollIntervalMs: NO_POLL_MS, listenRetryMs: 100 });
    const org = await createOrganization(writer.client);
    const extension = await createExtensionRow(writer.client, testDb.box, org.id, "301");
    await waitFor(async () => (await publishedSeqs(log, org.id)).length === 1, { what: "the created extension in Redis", timeoutMs: 20_000 });
    // Startup wakes the relay twice at most (start, LISTEN in place); each waited-for change needs a
    // round that began after it committed, so these three could not all arrive without NOTIFY.
    for (const name of ["one", "two", "three"]) {
      const before = (await publishedSeqs(log, org.id)).length;
      await writer.client.extension.update({ where: { id: extension.id }, data: { displayName: `renamed ${name}` } });
      await waitFor(async () => (await publishedSeqs(log, org.id)).length === before + 1, { what: `change "${name}" in Redis`, timeoutMs: 20_000 });
    }
    expect(await publishedSeqs(log, org.id)).toEqual([1, 2, 3, 4]);
  });

  it("still publishes by polling when the LISTEN connection is lost", async () => {
    const { relay, log } = await startListeningRelay({ pollIntervalMs: 200, listenRetryMs: NO_POLL_MS });
    const [dropped] = await testDb.database.raw.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'switchboard-outbox-listener'`
    );
    expect(dropped?.n).toBe(1);
    await waitFor(() => !relay.stats().listening, { what: "the relay to notice the lost connection", timeoutMs: 20_000 });

    const org = await createOrganization(writer.client);
    await createExtensionRow(writer.client, testDb.box, org.id, "302");
    await waitFor(async () => (await publishedSeqs(log, org.id)).length === 1, { what: "the change found by polling", timeoutMs: 20_000 });
    expect(relay.stats().listening).toBe(false);
  });
});
