import { randomUUID } from "node:crypto";
import type { DomainEvent } from "@switchboard/contracts";
import { createExtensionRow, createOrganization } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RedisEventLog } from "./redis-event-log";
import { createRelay, type Relay, type RelayOptions } from "./relay";
import { oneTo, RecordingLog, seqsOf } from "./test-support/recording-log";
import { startPrivateRedis, waitFor, type PrivateRedis } from "./testing";

const silent = pino({ level: "silent" });

/** Records each append call's batch as it was handed over. */
class BatchRecordingLog extends RecordingLog {
  readonly calls: DomainEvent[][] = [];
  override append(events: readonly DomainEvent[]): Promise<void> {
    this.calls.push([...events]);
    return super.append(events);
  }
}

/**
 * A log whose connection dies during the first append, like a relay that dies mid-pipeline: part
 * of the batch gets into Redis, then that append and every later one fail. So nothing the relay
 * does afterwards (a retry when the log reports itself live again, e.g. once its reader is up or
 * after a stall on a loaded machine) can change what the half-published state looks like.
 */
class HalfAppendingLog extends RecordingLog {
  private dead = false;
  constructor(
    private readonly real: RedisEventLog,
    appended: { orgId: string; seq: number; by: string }[]
  ) {
    super(real, appended, "half");
  }
  override async append(events: readonly DomainEvent[]): Promise<void> {
    if (this.dead) throw new Error("connection lost");
    this.dead = true;
    await this.real.append(events.slice(0, Math.floor(events.length / 2)));
    throw new Error("connection lost mid-batch");
  }
}

describe("relay rounds (PostgreSQL + Redis)", () => {
  let testDb: TestDatabase;
  let redis: PrivateRedis;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    [testDb, redis] = await Promise.all([createTestDatabase({ poolSize: 10 }), startPrivateRedis()]);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await Promise.all([testDb.drop(), redis.stop()]);
  });

  async function openLog(keyPrefix = `t-${randomUUID().slice(0, 8)}`): Promise<RedisEventLog> {
    const log = new RedisEventLog({ url: redis.url, keyPrefix, logger: silent, blockMs: 200 });
    await log.start();
    cleanups.push(() => log.close());
    return log;
  }

  function startRelay(options: RelayOptions): Relay {
    const relay = createRelay(options);
    relay.start();
    cleanups.push(() => relay.stop());
    return relay;
  }

  /** Three orgs with ten changes each, interleaved across orgs, committed while no relay runs. */
  async function backlog(): Promise<string[]> {
    const { client: db } = testDb.database;
    const orgs = await Promise.all([createOrganization(db), createOrganization(db), createOrganization(db)]);
    for (let i = 0; i < 10; i++) {
      for (const org of orgs) await createExtensionRow(db, testDb.box, org.id, String(300 + i));
    }
    return orgs.map((o) => o.id);
  }

  async function pendingRows(orgIds: string[]): Promise<number> {
    return testDb.database.raw.outboxEvent.count({ where: { organizationId: { in: orgIds }, publishedAt: null } });
  }

  async function expectPublishedOnce(log: RedisEventLog, orgIds: string[], live: DomainEvent[]): Promise<void> {
    for (const orgId of orgIds) {
      const read = await log.readSince(orgId, 0);
      if (read.kind !== "events") throw new Error("unexpected resync");
      const outbox = await testDb.database.raw.outboxEvent.findMany({ where: { organizationId: orgId }, orderBy: { seq: "asc" } });
      expect(read.events.map((e) => e.id)).toEqual(outbox.map((r) => r.id));
      expect(seqsOf(orgId, live)).toEqual(oneTo(10));
    }
  }

  it("publishes the backlog of every organization in one round, each org's events in commit order", async () => {
    const orgIds = await backlog();
    const log = await openLog();
    const live: DomainEvent[] = [];
    log.subscribe((e) => live.push(e));
    const batches = new BatchRecordingLog(log, [], "relay");
    const relay = startRelay({ database: testDb.database, log: batches, logger: silent, pollIntervalMs: 60_000 });

    // The rows commit as published a moment before the relay counts them: wait for its count too.
    await waitFor(async () => (await pendingRows(orgIds)) === 0 && live.length === 30 && relay.stats().published === 30, {
      what: "backlog published",
      timeoutMs: 30_000
    });
    expect(batches.calls).toHaveLength(1);
    const [round = []] = batches.calls;
    expect(new Set(round.map((e) => e.orgId))).toEqual(new Set(orgIds));
    for (const orgId of orgIds) expect(seqsOf(orgId, round)).toEqual(oneTo(10));
    await expectPublishedOnce(log, orgIds, live);
    expect(relay.stats()).toMatchObject({ published: 30, pending: 0, failures: 0 });
  }, 60_000);

  it("loses nothing and duplicates nothing when a round dies mid-batch, and a fresh relay takes over", async () => {
    const orgIds = await backlog();
    const keyPrefix = `t-${randomUUID().slice(0, 8)}`;
    const log = await openLog(keyPrefix);
    const live: DomainEvent[] = [];
    log.subscribe((e) => live.push(e));
    const failing = new HalfAppendingLog(log, []);
    // A long backoff: the test looks at the state between the dead round and the takeover.
    const first = startRelay({ database: testDb.database, log: failing, logger: silent, pollIntervalMs: 60_000, minBackoffMs: 60_000, maxBackoffMs: 60_000 });

    await waitFor(() => first.stats().failures >= 1, { what: "the failed round", timeoutMs: 30_000 });
    // Half the batch reached Redis, yet the transaction rolled back: every row is still pending.
    expect(await pendingRows(orgIds)).toBe(30);
    await waitFor(() => live.length === 15, { what: "the half that got through", timeoutMs: 30_000 });
    expect(first.stats()).toMatchObject({ published: 0, pending: 30 });
    await first.stop();

    // A fresh relay (as after a crash) republishes the whole batch; the log skips what it has.
    const secondLog = await openLog(keyPrefix);
    const second = startRelay({ database: testDb.database, log: secondLog, logger: silent, pollIntervalMs: 60_000 });
    // The rows commit as published a moment before the relay counts them: wait for its count too.
    await waitFor(async () => (await pendingRows(orgIds)) === 0 && live.length === 30 && second.stats().published === 30, {
      what: "all published",
      timeoutMs: 30_000
    });
    await expectPublishedOnce(log, orgIds, live);
    expect(second.stats()).toMatchObject({ published: 30, pending: 0 });
    expect(secondLog.stats()).toMatchObject({ appended: 15, duplicatesSkipped: 15 });
  }, 60_000);
});
