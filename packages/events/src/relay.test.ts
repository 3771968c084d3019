import { randomUUID } from "node:crypto";
import type { DomainEvent } from "@switchboard/contracts";
import { createDatabase, withActor, type Database } from "@switchboard/db";
import { createExtensionRow, createOrganization, extensionData } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RedisEventLog } from "./redis-event-log";
import { createRelay, type Relay } from "./relay";
import { oneTo, RecordingLog, seqsOf } from "./test-support/recording-log";
import { captureLogger, startPrivateRedis, waitFor, type PrivateRedis } from "./testing";

const silent = pino({ level: "silent" });

describe("relay (PostgreSQL + Redis)", () => {
  let testDb: TestDatabase;
  let redis: PrivateRedis;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    [testDb, redis] = await Promise.all([createTestDatabase({ poolSize: 20 }), startPrivateRedis()]);
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  afterAll(async () => {
    await Promise.all([testDb.drop(), redis.stop()]);
  });

  async function openLog(server: PrivateRedis = redis, keyPrefix = `t-${randomUUID().slice(0, 8)}`): Promise<RedisEventLog> {
    const log = new RedisEventLog({ url: server.url, keyPrefix, logger: silent, blockMs: 200 });
    await log.start();
    cleanups.push(() => log.close());
    return log;
  }

  function startRelay(options: Parameters<typeof createRelay>[0]): Relay {
    const relay = createRelay(options);
    relay.start();
    cleanups.push(() => relay.stop());
    return relay;
  }

  async function readAll(log: RedisEventLog, orgId: string): Promise<DomainEvent[]> {
    const result = await log.readSince(orgId, 0);
    if (result.kind !== "events") throw new Error("unexpected resync");
    return result.events;
  }

  async function unpublished(orgId: string): Promise<number> {
    return testDb.database.raw.outboxEvent.count({ where: { organizationId: orgId, publishedAt: null } });
  }

  it("publishes every committed change exactly once, in commit order, and nothing that rolled back", async () => {
    const { client: db } = testDb.database;
    const log = await openLog();
    const appended: { orgId: string; seq: number; by: string }[] = [];
    const relay = startRelay({ database: testDb.database, log: new RecordingLog(log, appended, "relay"), logger: silent, pollIntervalMs: 50 });
    const live: DomainEvent[] = [];
    log.subscribe((e) => live.push(e));
    const org = await createOrganization(db);

    const rows = await Promise.all(Array.from({ length: 20 }, (_, i) => createExtensionRow(db, testDb.box, org.id, String(200 + i))));
    await expect(
      db.$transaction(async (tx) => {
        await tx.extension.create({ data: extensionData(testDb.box, org.id, "299") });
        throw new Error("abort");
      })
    ).rejects.toThrow("abort");
    await db.$transaction(async (tx) => {
      for (const row of rows.slice(0, 5)) await tx.extension.update({ where: { id: row.id }, data: { displayName: `renamed ${row.number}` } });
    });
    await db.extension.deleteMany({ where: { id: { in: rows.slice(15).map((r) => r.id) } } });

    // Events reach Redis just before the rows commit as published and the relay counts them: wait for the count too.
    await waitFor(async () => (await readAll(log, org.id)).length === 30 && live.length === 30 && relay.stats().published === 30, {
      what: "30 events",
      timeoutMs: 30_000
    });
    const events = await readAll(log, org.id);
    const outbox = await db.outboxEvent.findMany({ where: { organizationId: org.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.id)).toEqual(outbox.map((r) => r.id));
    expect(events.map((e) => e.seq)).toEqual(oneTo(30));
    expect(events.some((e) => JSON.stringify(e.data).includes('"299"'))).toBe(false);
    expect(live.map((e) => e.id)).toEqual(outbox.map((r) => r.id));
    expect(seqsOf(org.id, appended)).toEqual(oneTo(30));
    expect(await unpublished(org.id)).toBe(0);
    expect(outbox.every((r) => r.publishedAt === null)).toBe(false);
    expect(relay.stats()).toMatchObject({ published: 30, pending: 0, lagMs: 0, failures: 0 });
  }, 60_000);

  it("keeps writes working while Redis is down and publishes all 500 changes, in order, once it returns", async () => {
    const server = await startPrivateRedis();
    cleanups.push(() => server.kill());
    const { client: db } = testDb.database;
    const log = await openLog(server);
    const { logger, lines } = captureLogger("info");
    const relay = startRelay({ database: testDb.database, log, logger, pollIntervalMs: 50, minBackoffMs: 20, maxBackoffMs: 300 });
    const org = await createOrganization(db);

    await server.kill();
    await waitFor(() => !log.isLive(), { what: "log down" });
    for (let batch = 0; batch < 50; batch++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => createExtensionRow(db, testDb.box, org.id, String(1000 + batch * 10 + i))));
    }
    expect(await db.extension.count({ where: { organizationId: org.id } })).toBe(500);
    // The first scan after the last commit sees all of them; each attempt fails and is retried.
    await waitFor(() => relay.stats().pending === 500 && relay.stats().failures >= 3, { what: "failed attempts on all 500" });
    expect(relay.stats().lagMs).toBeGreaterThan(0);
    expect(await unpublished(org.id)).toBe(500);

    await server.restart();
    await waitFor(async () => (await unpublished(org.id)) === 0, { what: "outbox drained", timeoutMs: 60_000 });
    const events = await readAll(log, org.id);
    expect(events.map((e) => e.seq)).toEqual(oneTo(500));
    // The relay logs its recovery and updates its stats once its run ends, just after the commit.
    await waitFor(() => lines.some((l) => l.msg.includes("recovered")) && relay.stats().published === 500, { what: "relay recovered" });
    const warnings = lines.filter((l) => l.msg.includes("cannot publish"));
    expect(warnings).toHaveLength(1);
    expect(lines.filter((l) => l.msg.includes("recovered"))).toHaveLength(1);
    expect(relay.stats()).toMatchObject({ published: 500, pending: 0, lagMs: 0 });
  }, 120_000);

  it("never publishes out of order or twice with two relays on the same database", async () => {
    const second: Database = createDatabase({ kind: "postgres", url: testDb.url, poolSize: 10 });
    cleanups.push(() => second.close());
    const keyPrefix = `t-${randomUUID().slice(0, 8)}`;
    const [logA, logB, observer] = [await openLog(redis, keyPrefix), await openLog(redis, keyPrefix), await openLog(redis, keyPrefix)];
    const appended: { orgId: string; seq: number; by: string }[] = [];
    const common = { logger: silent, pollIntervalMs: 5, batchSize: 7 };
    startRelay({ ...common, database: testDb.database, log: new RecordingLog(logA, appended, "a") });
    startRelay({ ...common, database: second, log: new RecordingLog(logB, appended, "b") });
    const live: DomainEvent[] = [];
    observer.subscribe((e) => live.push(e));

    const { client: db } = testDb.database;
    const orgs = await Promise.all([createOrganization(db), createOrganization(second.client), createOrganization(db)]);
    await Promise.all(
      orgs.flatMap((org, o) =>
        Array.from({ length: 4 }, async (_, worker) => {
          const writer = (o + worker) % 2 === 0 ? db : second.client;
          for (let i = 0; i < 25; i++) await createExtensionRow(writer, testDb.box, org.id, `${worker}${String(i).padStart(3, "0")}`);
        })
      )
    );

    await waitFor(() => live.length === 300, { what: "300 live events", timeoutMs: 60_000 });
    for (const org of orgs) {
      expect(seqsOf(org.id, appended)).toEqual(oneTo(100));
      expect((await readAll(observer, org.id)).map((e) => e.seq)).toEqual(oneTo(100));
      expect(seqsOf(org.id, live)).toEqual(oneTo(100));
    }
    expect(new Set(appended.map((a) => a.by)).size).toBe(2);
  }, 120_000);

  it("stop() (SIGTERM) lets the round in flight finish: what it appended is marked published before it resolves", async () => {
    const { client: db } = testDb.database;
    const log = await openLog();
    const org = await createOrganization(db);
    await createExtensionRow(db, testDb.box, org.id, "1");
    let entered: () => void = () => undefined;
    const inRound = new Promise<void>((resolve) => (entered = resolve));
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated = new RecordingLog(log, [], "gated");
    const append = gated.append.bind(gated);
    gated.append = async (events) => {
      entered();
      await gate;
      return append(events);
    };
    const relay = createRelay({ database: testDb.database, log: gated, logger: silent });
    relay.start();
    await inRound;
    let stopped = false;
    const stopping = relay.stop().then(() => (stopped = true));
    // The round holds its transaction while the append waits: nothing is marked yet, stop waits.
    expect(await unpublished(org.id)).toBeGreaterThan(0);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await unpublished(org.id)).toBe(0);
    expect((await readAll(log, org.id)).map((e) => e.seq)).toEqual(oneTo(await testDb.database.raw.outboxEvent.count({ where: { organizationId: org.id } })));
  });

  it("prunes published rows past retention and never unpublished ones", async () => {
    const { client: db, raw } = testDb.database;
    const log = await openLog();
    const org = await createOrganization(db);
    const relay = createRelay({ database: testDb.database, log, logger: silent, retainPublishedDays: 7 });
    await createExtensionRow(db, testDb.box, org.id, "1");
    await createExtensionRow(db, testDb.box, org.id, "2");
    relay.start();
    cleanups.push(() => relay.stop());
    await waitFor(async () => (await unpublished(org.id)) === 0, { what: "published" });
    await relay.stop();
    await createExtensionRow(db, testDb.box, org.id, "3");
    await raw.$executeRawUnsafe(
      `UPDATE outbox_events SET published_at = now() - interval '10 days', created_at = now() - interval '10 days' WHERE organization_id = $1::uuid AND seq = 1`,
      org.id
    );
    await raw.$executeRawUnsafe(`UPDATE outbox_events SET created_at = now() - interval '10 days' WHERE organization_id = $1::uuid AND seq = 3`, org.id);

    expect(await relay.prunePublished()).toBeGreaterThanOrEqual(1);
    const left = await raw.outboxEvent.findMany({ where: { organizationId: org.id }, orderBy: { seq: "asc" } });
    expect(left.map((r) => [Number(r.seq), r.publishedAt !== null])).toEqual([
      [2, true],
      [3, false]
    ]);
  });

  it("keeps published rows someone caused (the activity log) for the activity retention, then prunes them too", async () => {
    const { client: db, raw } = testDb.database;
    const log = await openLog();
    const org = await createOrganization(db);
    const relay = createRelay({ database: testDb.database, log, logger: silent, retainPublishedDays: 7, retainActivityDays: 30 });
    const actor = { id: randomUUID(), name: "Ada Admin" };
    await createExtensionRow(db, testDb.box, org.id, "1");
    for (const n of ["2", "3"]) await withActor(actor, () => createExtensionRow(db, testDb.box, org.id, n));
    relay.start();
    cleanups.push(() => relay.stop());
    await waitFor(async () => (await unpublished(org.id)) === 0, { what: "published" });
    await relay.stop();
    const age = (seq: number, days: number) =>
      raw.$executeRawUnsafe(
        `UPDATE outbox_events SET published_at = now() - make_interval(days => $2), created_at = now() - make_interval(days => $2) WHERE organization_id = $1::uuid AND seq = $3`,
        org.id,
        days,
        seq
      );
    // Telemetry 10 days old goes; an action 10 days old stays; an action 40 days old goes.
    await age(1, 10);
    await age(2, 10);
    await age(3, 40);
    await relay.prunePublished();
    const left = await raw.outboxEvent.findMany({ where: { organizationId: org.id }, orderBy: { seq: "asc" } });
    expect(left.map((r) => Number(r.seq))).toEqual([2]);
  });
});
