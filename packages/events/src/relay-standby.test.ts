import { randomUUID } from "node:crypto";
import { createDatabase, type Database } from "@switchboard/db";
import { createExtensionRow, createOrganization } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RedisEventLog } from "./redis-event-log";
import { createRelay, type Relay, type RelayOptions } from "./relay";
import { RELAY_LEADER_LOCK } from "./relay/standby";
import { startPrivateRedis, waitFor, type PrivateRedis } from "./testing";

const silent = pino({ level: "silent" });
/** Longer than any test: a change published within a test's limit was not found by a poll, nor after a standby's delay. */
const NEVER_MS = 10 * 60_000;

describe("one relay leads, the others stand by", () => {
  let testDb: TestDatabase;
  let redis: PrivateRedis;
  let writer: Database;
  let keyPrefix: string;
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

  async function startRelay(options: Partial<RelayOptions>): Promise<{ relay: Relay; log: RedisEventLog }> {
    keyPrefix ??= `t-${randomUUID().slice(0, 8)}`;
    const log = new RedisEventLog({ url: redis.url, keyPrefix, logger: silent, blockMs: 200 });
    await log.start();
    cleanups.push(() => log.close());
    // Each relay its own database client, as in its own process: NOTIFY is what wakes it.
    const database = createDatabase({ kind: "postgres", url: testDb.url, poolSize: 2 });
    cleanups.push(() => database.close());
    const relay = createRelay({ database, log, logger: silent, pollIntervalMs: NEVER_MS, listenRetryMs: 100, ...options });
    relay.start();
    cleanups.push(() => relay.stop());
    await waitFor(() => relay.stats().listening, { what: "the relay to LISTEN", timeoutMs: 20_000 });
    return { relay, log };
  }

  /** Holds the leader lock, as a leading relay's LISTEN connection does, until released. */
  async function holdLeaderLock(): Promise<() => Promise<void>> {
    let locked: () => void = () => undefined;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (locked = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const transaction = testDb.database.raw.$transaction(
      async (tx) => {
        await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock($1, $2) IS NULL AS done", ...RELAY_LEADER_LOCK);
        locked();
        await released;
      },
      { timeout: 60_000 }
    );
    await held;
    const free = async () => {
      release();
      await transaction;
    };
    cleanups.push(free);
    return free;
  }

  async function publishedSeqs(log: RedisEventLog, orgId: string): Promise<number[]> {
    const result = await log.readSince(orgId, 0);
    if (result.kind !== "events") throw new Error("unexpected resync");
    return result.events.map((e) => e.seq);
  }

  async function extensionOfNewOrg() {
    const org = await createOrganization(writer.client);
    const extension = await createExtensionRow(writer.client, testDb.box, org.id, "501");
    return { org, extension };
  }

  it("a relay that is not the leader still publishes a NOTIFY'd change, after its delay, with no poll", async () => {
    await holdLeaderLock();
    const { relay, log } = await startRelay({ standbyDelayMs: 200 });
    expect(relay.stats().standby).toBe(true);
    const { org } = await extensionOfNewOrg();
    await waitFor(async () => (await publishedSeqs(log, org.id)).length === 1, { what: "the change in Redis", timeoutMs: 20_000 });
    expect(relay.stats().standby).toBe(true);
  });

  it("a standby runs no round per NOTIFY while the leader publishes", async () => {
    // Polling, it takes the lead even if the last test's leader's session is still closing.
    const leader = await startRelay({ pollIntervalMs: 100 });
    await waitFor(() => !leader.relay.stats().standby, { what: "the first relay to lead", timeoutMs: 20_000 });
    const standby = await startRelay({ standbyDelayMs: NEVER_MS });
    expect(standby.relay.stats().standby).toBe(true);
    // Its start-up round (it scans once it listens) is over before the changes begin.
    await waitFor(() => standby.relay.stats().rounds >= 1, { what: "the standby's first round", timeoutMs: 20_000 });
    const rounds = standby.relay.stats().rounds;
    const { org, extension } = await extensionOfNewOrg();
    for (const name of ["one", "two", "three", "four", "five"]) {
      await writer.client.extension.update({ where: { id: extension.id }, data: { displayName: `renamed ${name}` } });
    }
    await waitFor(async () => (await publishedSeqs(leader.log, org.id)).length === 6, { what: "six changes in Redis", timeoutMs: 20_000 });
    expect(await publishedSeqs(leader.log, org.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(standby.relay.stats().rounds).toBe(rounds);
  });

  it("a relay told not to lead stands by though no one holds the lock, and still publishes", async () => {
    const { relay, log } = await startRelay({ lead: false, standbyDelayMs: 200 });
    expect(relay.stats().standby).toBe(true);
    const { org } = await extensionOfNewOrg();
    await waitFor(async () => (await publishedSeqs(log, org.id)).length === 1, { what: "the change in Redis", timeoutMs: 20_000 });
    expect(relay.stats().standby).toBe(true);
  });

  it("a standby takes the lead on its poll once the leader's connection is gone", async () => {
    const free = await holdLeaderLock();
    const { relay, log } = await startRelay({ pollIntervalMs: 100, standbyDelayMs: NEVER_MS });
    expect(relay.stats().standby).toBe(true);
    await free();
    await waitFor(() => !relay.stats().standby, { what: "the standby to take the lead", timeoutMs: 20_000 });
    const { org } = await extensionOfNewOrg();
    await waitFor(async () => (await publishedSeqs(log, org.id)).length === 1, { what: "the change in Redis", timeoutMs: 20_000 });
  });
});
