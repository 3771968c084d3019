import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import type { DomainEvent } from "@switchboard/contracts";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RetentionPolicy } from "./event-log";
import { RedisEventLog, type RedisEventLogOptions } from "./redis-event-log";
import { startPrivateRedis, waitFor, type PrivateRedis } from "./testing";

const logger = pino({ level: "silent" });

function event(orgId: string, seq: number, at: Date = new Date()): DomainEvent {
  const id = randomUUID();
  return { id, orgId, seq, type: "extension.deleted", at: at.toISOString(), actor: null, subject: { kind: "extension", id }, data: { id, label: `#${seq}` } };
}

function range(orgId: string, from: number, to: number, at?: Date): DomainEvent[] {
  return Array.from({ length: to - from + 1 }, (_, i) => event(orgId, from + i, at));
}

const seqs = (events: readonly DomainEvent[]) => events.map((e) => e.seq);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** SIGKILLs a process and blocks until it is gone, so the next Redis command surely fails. */
function killAndWait(pid: number | undefined): void {
  if (!pid) throw new Error("no redis pid");
  execFileSync("sh", ["-c", `kill -9 ${pid}; while [ -e /proc/${pid} ] && ! grep -q '^State:.*Z' /proc/${pid}/status; do :; done`]);
}

describe("RedisEventLog", () => {
  let redis: PrivateRedis;
  let admin: Redis;
  const opened: RedisEventLog[] = [];

  async function openLog(overrides: Partial<RedisEventLogOptions> = {}, server: PrivateRedis = redis): Promise<RedisEventLog> {
    const log = new RedisEventLog({ url: server.url, keyPrefix: `t-${randomUUID().slice(0, 8)}`, logger, blockMs: 200, ...overrides });
    opened.push(log);
    await log.start();
    return log;
  }

  beforeAll(async () => {
    redis = await startPrivateRedis();
    admin = new Redis(redis.url);
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((log) => log.close()));
  });
  afterAll(async () => {
    admin.disconnect();
    await redis.stop();
  });

  it("appends idempotently per (org, seq), keeping each org's order", async () => {
    const log = await openLog();
    const [a, b] = [randomUUID(), randomUUID()];
    await log.append([...range(a, 1, 3), ...range(b, 1, 2), event(a, 4)]);
    await log.append([...range(a, 2, 6), ...range(b, 1, 3)]);

    const readA = await log.readSince(a, 0);
    const readB = await log.readSince(b, 0);
    expect(readA).toMatchObject({ kind: "events", headSeq: 6 });
    expect(readA.kind === "events" && seqs(readA.events)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(readB.kind === "events" && seqs(readB.events)).toEqual([1, 2, 3]);
    expect(log.stats()).toMatchObject({ appended: 9, duplicatesSkipped: 5 });
    expect(await admin.xlen(`${log.keyPrefix}:events`)).toBe(9);
  });

  it("replays exactly the events after a seq, and nothing for a reader at or past the head", async () => {
    const log = await openLog();
    const org = randomUUID();
    const written = range(org, 1, 7);
    await log.append(written);

    const after3 = await log.readSince(org, 3);
    expect(after3).toEqual({ kind: "events", events: written.slice(3), headSeq: 7 });
    expect(await log.readSince(org, 7)).toEqual({ kind: "events", events: [], headSeq: 7 });
    // A console's seq may come from a database snapshot the relay has not published yet.
    expect(await log.readSince(org, 9)).toEqual({ kind: "events", events: [], headSeq: 7 });
    expect(await log.readSince(randomUUID(), 0)).toEqual({ kind: "events", events: [], headSeq: 0 });
    await expect(log.readSince(org, -1)).rejects.toThrow(/non-negative integer/);
  });

  it("asks for a resync past the size limit, exactly, while Redis trims approximately", async () => {
    const retention: RetentionPolicy = { maxEvents: 100, maxAgeMs: 60_000 };
    const log = await openLog({ retention });
    const org = randomUUID();
    for (let from = 1; from <= 400; from += 50) await log.append(range(org, from, from + 49));

    expect(await log.readSince(org, 299)).toEqual({ kind: "resync", headSeq: 400 });
    const within = await log.readSince(org, 300);
    expect(within.kind === "events" && seqs(within.events)).toEqual(Array.from({ length: 100 }, (_, i) => 301 + i));
    const length = await admin.xlen(log.orgKey(org));
    expect(length).toBeGreaterThanOrEqual(100);
    expect(length).toBeLessThan(400);
  });

  it("asks for a resync when the first missed event is older than the age limit", async () => {
    const log = await openLog({ retention: { maxEvents: 1000, maxAgeMs: 60_000 } });
    const org = randomUUID();
    const old = new Date(Date.now() - 120_000);
    await log.append([...range(org, 1, 3, old), ...range(org, 4, 5)]);

    expect(await log.readSince(org, 0)).toEqual({ kind: "resync", headSeq: 5 });
    expect(await log.readSince(org, 2)).toEqual({ kind: "resync", headSeq: 5 });
    const recent = await log.readSince(org, 3);
    expect(recent.kind === "events" && seqs(recent.events)).toEqual([4, 5]);
  });

  it("trims org streams by age as well as by count, a bounded batch per append, always keeping the newest entry", async () => {
    const log = await openLog({ retention: { maxEvents: 10_000, maxAgeMs: 60_000 } });
    const org = randomUUID();
    const old = new Date(Date.now() - 120_000);
    await log.append(range(org, 1, 250, old));
    expect(await admin.xlen(log.orgKey(org))).toBe(150);
    await log.append([event(org, 251)]);
    expect(await admin.xlen(log.orgKey(org))).toBe(51);
    await log.append([event(org, 252)]);
    expect(await admin.xlen(log.orgKey(org))).toBe(2);
    const recent = await log.readSince(org, 250);
    expect(recent.kind === "events" && seqs(recent.events)).toEqual([251, 252]);

    // Nothing young left: the head stays, so a re-published event is still recognised as one.
    const idle = randomUUID();
    await log.append(range(idle, 1, 3, old));
    expect(await admin.xrange(log.orgKey(idle), "-", "+")).toEqual([["3-0", expect.arrayContaining(["payload", "at"])]]);
    await log.append([event(idle, 3, old)]);
    expect(log.stats().duplicatesSkipped).toBeGreaterThanOrEqual(1);
    expect(await admin.xlen(log.orgKey(idle))).toBe(1);
  });

  it("trims the global stream by age too, with the same bounded batches, always keeping its newest entry", async () => {
    const log = await openLog({ retention: { maxEvents: 10_000, maxAgeMs: 60_000 }, globalMaxLen: 100_000 });
    const old = new Date(Date.now() - 120_000);
    // Old events of many organizations: only the global stream holds them all.
    await log.append(Array.from({ length: 250 }, () => event(randomUUID(), 1, old)));
    expect(await admin.xlen(log.globalKey)).toBe(150);
    await log.append([event(randomUUID(), 1)]);
    expect(await admin.xlen(log.globalKey)).toBe(51);
    await log.append([event(randomUUID(), 1)]);
    expect(await admin.xlen(log.globalKey)).toBe(2);

    const idle = await openLog({ retention: { maxEvents: 10_000, maxAgeMs: 60_000 } });
    await idle.append([event(randomUUID(), 1, old), event(randomUUID(), 1, old)]);
    expect(await admin.xlen(idle.globalKey)).toBe(1);
  });

  it("delivers to subscribers every event appended after start, in order, once", async () => {
    const keyPrefix = `t-${randomUUID().slice(0, 8)}`;
    const writer = await openLog({ keyPrefix });
    const [a, b] = [randomUUID(), randomUUID()];
    await writer.append(range(a, 1, 2)); // before the reader starts: not delivered

    const reader = await openLog({ keyPrefix });
    await writer.append(range(a, 3, 4)); // between start() and subscribe(): delivered
    const received: DomainEvent[] = [];
    reader.subscribe((e) => received.push(e));
    for (let i = 5; i <= 60; i += 5) {
      await writer.append([...range(a, i, i + 4), ...range(b, i, i + 4)]);
      await writer.append(range(a, i, i + 4)); // a retried batch adds nothing
    }
    await waitFor(() => received.length >= 58 + 56, { what: "all events" });

    expect(seqs(received.filter((e) => e.orgId === a))).toEqual(Array.from({ length: 62 }, (_, i) => 3 + i));
    expect(seqs(received.filter((e) => e.orgId === b))).toEqual(Array.from({ length: 60 }, (_, i) => 5 + i));
    await waitFor(() => reader.isLive(), { what: "reader live" });
  });

  it("logs, counts and skips bad entries instead of crashing the reader", async () => {
    const log = await openLog();
    const org = randomUUID();
    const received: DomainEvent[] = [];
    log.subscribe((e) => received.push(e));
    await waitFor(() => log.isLive(), { what: "reader live" });

    await admin.xadd(`${log.keyPrefix}:events`, "*", "orgId", org, "seq", "1", "payload", "{not json");
    await admin.xadd(`${log.keyPrefix}:events`, "*", "orgId", org, "seq", "1", "payload", JSON.stringify({ hello: "world" }));
    await admin.xadd(`${log.keyPrefix}:events`, "*", "orgId", org, "seq", "1");
    await log.append([event(org, 1)]);
    await waitFor(() => received.length === 1, { what: "the good event" });
    expect(log.stats().badEntries).toBe(3);

    // A bad entry in an org stream cannot be replayed: the reader must resync, never skip it.
    await admin.xadd(log.orgKey(org), "2-0", "payload", "garbage");
    expect(await log.readSince(org, 0)).toEqual({ kind: "resync", headSeq: 2 });
  });

  it("tells subscribers to resync when the live stream jumps over an org's seq", async () => {
    const log = await openLog();
    const org = randomUUID();
    const received: number[] = [];
    let resets = 0;
    log.subscribe((e) => received.push(e.seq));
    log.onReset(() => (resets += 1));
    await waitFor(() => log.isLive(), { what: "reader live" });
    await log.append([event(org, 1)]);
    await admin.xadd(`${log.keyPrefix}:events`, "*", "orgId", org, "seq", "3", "payload", JSON.stringify(event(org, 3)));
    await waitFor(() => received.length === 2, { what: "both events" });
    expect(received).toEqual([1, 3]);
    expect(resets).toBe(1);
  });

  it("fails fast while Redis is down and works again once it is back", async () => {
    const server = await startPrivateRedis();
    try {
      const log = await openLog({}, server);
      const statuses: boolean[] = [];
      log.onStatus((live) => statuses.push(live));
      const org = randomUUID();
      await log.append([event(org, 1)]);
      expect(log.isLive()).toBe(true);

      await server.kill();
      await waitFor(() => !log.isLive(), { what: "status down" });
      const started = Date.now();
      await expect(log.append([event(org, 2)])).rejects.toThrow(/event log append failed/);
      await expect(log.readSince(org, 0)).rejects.toThrow(/event log readSince failed/);
      expect(Date.now() - started).toBeLessThan(2000);

      await server.restart();
      await waitFor(() => log.isLive(), { what: "status up again" });
      await log.append([event(org, 2)]);
      expect(await log.readSince(org, 1)).toMatchObject({ kind: "events", headSeq: 2 });
      expect(statuses).toEqual([true, false, true]);
    } finally {
      await server.kill();
    }
  });

  it("gives a reader behind a Redis that restarted empty a resync, while a caught-up subscriber continues after a reset", async () => {
    const server = await startPrivateRedis();
    try {
      const keyPrefix = `t-${randomUUID().slice(0, 8)}`;
      const writer = await openLog({ keyPrefix }, server);
      const node = await openLog({ keyPrefix }, server);
      const org = randomUUID();
      const live: number[] = [];
      let resets = 0;
      node.subscribe((e) => live.push(e.seq));
      node.onReset(() => (resets += 1));
      await writer.append(range(org, 1, 10));
      await waitFor(() => live.length === 10, { what: "live events before the crash" });

      await server.kill();
      await server.restart();
      await waitFor(() => writer.isLive(), { what: "writer reconnected" });
      await writer.append(range(org, 11, 12));

      expect(await writer.readSince(org, 5)).toEqual({ kind: "resync", headSeq: 12 });
      expect(await writer.readSince(org, 0)).toEqual({ kind: "resync", headSeq: 12 });
      const caughtUp = await writer.readSince(org, 10);
      expect(caughtUp.kind === "events" && seqs(caughtUp.events)).toEqual([11, 12]);

      // The subscriber had read everything when Redis died: it follows the new instance. It cannot
      // prove no append was lost in the crash (one whose org never writes again would go unnoticed),
      // so its subscribers resync once.
      await writer.append([event(org, 13)]);
      await waitFor(() => live.includes(13), { what: "live events from the restarted Redis" });
      expect(live).toEqual(oneTo(13));
      expect(resets).toBe(1);
    } finally {
      await server.kill();
    }
  });

  it("resets subscribers when Redis restarts empty while their reader was behind", async () => {
    const server = await startPrivateRedis();
    try {
      const keyPrefix = `t-${randomUUID().slice(0, 8)}`;
      const writer = await openLog({ keyPrefix }, server);
      const node = await openLog({ keyPrefix }, server);
      const org = randomUUID();
      const live: number[] = [];
      let resets = 0;
      node.onReset(() => (resets += 1));
      // Appended after the node's start, before its reader runs: a backlog it reads in batches.
      await writer.append(range(org, 1, 1500));
      node.subscribe((e) => {
        live.push(e.seq);
        // Crash Redis while the reader still has a backlog: wait (synchronously) until it is dead.
        if (e.seq === 100) killAndWait(server.pid);
      });
      await waitFor(() => !writer.isLive(), { what: "writer noticed the crash" });

      await server.restart();
      await waitFor(() => resets === 1, { what: "the reset" });
      await waitFor(() => writer.isLive() && node.isLive(), { what: "both reconnected" });
      await writer.append([event(org, 1501)]);
      await waitFor(() => live.includes(1501), { what: "live events after the reset" });
      expect(live.length).toBeLessThan(1501);
    } finally {
      await server.kill();
    }
  });

  it("starts while Redis is down, reconnects on its own, and resets subscribers once it can read", async () => {
    const server = await startPrivateRedis();
    try {
      await server.kill();
      const log = await openLog({}, server);
      const received: number[] = [];
      let resets = 0;
      log.subscribe((e) => received.push(e.seq));
      log.onReset(() => (resets += 1));
      expect(log.isLive()).toBe(false);
      await expect(log.append([event(randomUUID(), 1)])).rejects.toThrow(/append failed/);

      await server.restart();
      await waitFor(() => log.isLive() && resets === 1, { what: "live, with the late start reported" });
      const org = randomUUID();
      await log.append(range(org, 1, 3));
      await waitFor(() => received.length === 3, { what: "events after the late start" });
      expect(received).toEqual([1, 2, 3]);
    } finally {
      await server.kill();
    }
  });

  it("closes promptly even while Redis is unreachable", async () => {
    const server = await startPrivateRedis();
    const log = new RedisEventLog({ url: server.url, logger, blockMs: 5000 });
    await log.start();
    log.subscribe(() => undefined);
    await server.kill();
    const started = Date.now();
    await log.close();
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
