import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentSeq } from "@switchboard/db";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { startPrivateRedis, waitFor, type PrivateRedis } from "@switchboard/events/testing";
import { Redis } from "ioredis";
import { addExtension, touchRepeatedly } from "./helpers/changes";
import { createOrgWithStaff, realtimeToken } from "./helpers/identity";
import { startClusterNode, startWriter, uniquePrefix, type TestNode, type Writer } from "./helpers/nodes";
import type { TestClient } from "./helpers/test-client";
import { openClient, seqsOf } from "./helpers/test-client";

/**
 * G3 when Redis loses events the relay already published (restarted empty, or restored from an
 * older snapshot): a console coming back with its last seq must not be told "nothing missed".
 * PostgreSQL knows what was published; whatever the log cannot prove it still holds is a resync.
 */
let tdb: TestDatabase;
let redis: PrivateRedis;
let writer: Writer;
let node: TestNode;
const prefix = uniquePrefix();
const clients: TestClient[] = [];
type Org = Awaited<ReturnType<typeof createOrgWithStaff>>;

beforeAll(async () => {
  [tdb, redis] = await Promise.all([createTestDatabase({ poolSize: 4 }), startPrivateRedis()]);
  writer = await startWriter(tdb.database, redis.url, prefix);
  node = await startClusterNode({ databaseUrl: tdb.url, redisUrl: redis.url, keyPrefix: prefix });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await node?.stop();
  await writer?.stop();
  await redis?.stop();
  await tdb?.drop();
});

async function connect(org: Org, user: Org["admin"], lastSeq?: number): Promise<TestClient> {
  const client = await openClient(node.url, { token: await realtimeToken(user), lastSeq });
  clients.push(client);
  return client;
}

/** A console that saw the org up to now, then went away while `offline` ran. */
async function consoleAwayDuring(org: Org, offline: () => Promise<void>): Promise<number> {
  const away = await connect(org, org.admin);
  const lastSeq = away.lastSeq ?? 0;
  away.close();
  await offline();
  return lastSeq;
}

async function publishedChanges(org: Org, watcher: TestClient, count: number): Promise<number> {
  const extension = await addExtension({ db: tdb.database.client, box: tdb.box }, org.admin);
  await touchRepeatedly(tdb.database.client, extension.id, count - 1, "before-loss", 1);
  const head = await currentSeq(tdb.database.client, org.orgId);
  await waitFor(() => watcher.events.at(-1)?.seq === head, { timeoutMs: 15_000, what: "the watcher to see every change" });
  return head;
}

describe("Redis lost published events (G3)", () => {
  it("a console back after Redis restarted empty is told to resync, then gets new events", { timeout: 60_000 }, async () => {
    const org = await createOrgWithStaff(tdb.database.client);
    const watcher = await connect(org, org.supervisor);
    let head = 0;
    const lastSeq = await consoleAwayDuring(org, async () => {
      head = await publishedChanges(org, watcher, 4);
      await redis.restart();
      await watcher.waitFor("server:status", (e) => !e.status.live, 15_000).catch(() => undefined);
      await waitFor(() => node.log.isLive() && writer.log.isLive(), { timeoutMs: 15_000, what: "the log live again" });
    });
    expect(head).toBeGreaterThan(lastSeq);

    const back = await connect(org, org.admin, lastSeq);
    expect(back.entries("sync:done")).toEqual([]);
    expect(back.entries("sync:resync").map((e) => e.info)).toEqual([{ reason: "gap", seq: head }]);

    const extension = await addExtension({ db: tdb.database.client, box: tdb.box }, org.admin);
    await back.waitForEvents(1);
    expect(seqsOf(back.events)).toEqual([head + 1]);
    expect(back.events[0]?.subject.id).toBe(extension.id);
    expect(back.entries("sync:resync")).toHaveLength(1);
  });

  it("a console behind a log that lost only its newest entries is told to resync", { timeout: 60_000 }, async () => {
    const org = await createOrgWithStaff(tdb.database.client);
    const watcher = await connect(org, org.supervisor);
    let head = 0;
    const lastSeq = await consoleAwayDuring(org, async () => {
      head = await publishedChanges(org, watcher, 5);
      // As after a restore from an older snapshot: the stream ends two events short of what was published.
      const admin = new Redis(redis.url);
      try {
        const key = `${prefix}:org:${org.orgId}`;
        const newest = (await admin.xrevrange(key, "+", "-", "COUNT", 2)).map(([id]) => id);
        expect(newest).toHaveLength(2);
        await admin.xdel(key, ...newest);
      } finally {
        admin.disconnect();
      }
    });

    const back = await connect(org, org.admin, lastSeq);
    expect(back.entries("sync:done")).toEqual([]);
    expect(back.entries("sync:resync").map((e) => e.info)).toEqual([{ reason: "gap", seq: head }]);
    // Nothing was replayed: a partial replay before a resync would only be refetched anyway.
    expect(back.events).toEqual([]);
  });

  it("a console whose events are all still in the log replays them without a resync", { timeout: 60_000 }, async () => {
    const org = await createOrgWithStaff(tdb.database.client);
    const watcher = await connect(org, org.supervisor);
    let head = 0;
    const lastSeq = await consoleAwayDuring(org, async () => {
      head = await publishedChanges(org, watcher, 3);
    });
    const back = await connect(org, org.admin, lastSeq);
    expect(back.entries("sync:resync")).toEqual([]);
    expect(seqsOf(back.events)).toEqual(Array.from({ length: head - lastSeq }, (_, i) => lastSeq + 1 + i));
  });
});
