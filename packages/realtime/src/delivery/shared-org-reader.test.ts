import { randomUUID } from "node:crypto";
import type { DomainEvent } from "@switchboard/contracts";
import { MemoryEventLog, type ReadResult } from "@switchboard/events";
import { describe, expect, it, vi } from "vitest";
import { Coalescer } from "./coalescer";
import { SharedOrgReader } from "./shared-org-reader";

function events(orgId: string, from: number, to: number): DomainEvent[] {
  return Array.from({ length: to - from + 1 }, (_, i) => {
    const id = randomUUID();
    return {
      id,
      orgId,
      seq: from + i,
      type: "extension.deleted",
      at: new Date().toISOString(),
      actor: null,
      subject: { kind: "extension", id },
      data: { id, label: "x" }
    };
  });
}

/** The real memory log, counting reads. */
class CountingLog extends MemoryEventLog {
  reads: { orgId: string; afterSeq: number }[] = [];
  override readSince(orgId: string, afterSeq: number): Promise<ReadResult> {
    this.reads.push({ orgId, afterSeq });
    return super.readSince(orgId, afterSeq);
  }
}

describe("Coalescer", () => {
  it("runs a lone request at once, batches the requests made during a run into the next one, never into the running one", async () => {
    const runs: number[][] = [];
    let release: () => void = () => undefined;
    const coalescer = new Coalescer<string, number, string>(async (_key, requests) => {
      runs.push([...requests]);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return requests.map((r) => `run ${runs.length}: ${r}`);
    });
    const first = coalescer.request("org", 1);
    const later = [2, 3, 4].map((n) => coalescer.request("org", n));
    expect(runs).toEqual([[1]]);
    release();
    expect(await first).toBe("run 1: 1");
    expect(await Promise.all(later)).toEqual(["run 2: 2", "run 2: 3", "run 2: 4"]);
    expect(runs).toEqual([[1], [2, 3, 4]]);
  });

  it("hands a large batch its results a few at a time, letting I/O in between", async () => {
    let release: () => void = () => undefined;
    const coalescer = new Coalescer<string, number, number>(async (_key, requests) => {
      if (requests[0] === 0) await new Promise<void>((resolve) => (release = resolve));
      return [...requests];
    });
    const first = coalescer.request("org", 0);
    const order: string[] = [];
    const batch = Array.from({ length: 100 }, (_, i) => coalescer.request("org", i + 1).then(() => order.push(`request ${i + 1}`)));
    release();
    await first;
    setImmediate(() => order.push("io"));
    await Promise.all(batch);
    const io = order.indexOf("io");
    expect(io).toBeGreaterThan(0);
    expect(io).toBeLessThan(100);
  });

  it("with gatherMs 0, starts its first run after the loop's turn, holding every request made in it", async () => {
    for (const gather of [true, false]) {
      const runs: number[][] = [];
      const coalescer = new Coalescer<string, number, number>(
        async (_key, requests) => {
          runs.push([...requests]);
          return [...requests];
        },
        gather ? { gatherMs: 0 } : {}
      );
      const first = coalescer.request("users", 1);
      await Promise.resolve();
      const second = coalescer.request("users", 2);
      expect(await Promise.all([first, second])).toEqual([1, 2]);
      expect(runs).toEqual(gather ? [[1, 2]] : [[1], [2]]);
    }
  });

  it("with a gathering window, holds every request made within it, of any key, for runs that start together", async () => {
    vi.useFakeTimers();
    try {
      const runs: string[] = [];
      const coalescer = new Coalescer<string, number, number>(
        async (key, requests) => {
          runs.push(`${key}:${requests.join(",")}`);
          return [...requests];
        },
        { gatherMs: 20 }
      );
      const first = coalescer.request("users", 1);
      await vi.advanceTimersByTimeAsync(10);
      expect(runs).toEqual([]);
      const second = coalescer.request("users", 2);
      const other = coalescer.request("orgs", 3);
      await vi.advanceTimersByTimeAsync(10);
      expect(runs).toEqual(["users:1,2", "orgs:3"]);
      expect(await Promise.all([first, second, other])).toEqual([1, 2, 3]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("rejects every request of a failed run and keeps serving the next ones", async () => {
    let fail = true;
    const coalescer = new Coalescer<string, number, number>(async (_key, requests) => {
      if (fail) throw new Error("down");
      return requests.map((r) => r * 2);
    });
    const failed = [coalescer.request("org", 1), coalescer.request("org", 2)];
    await expect(Promise.all(failed)).rejects.toThrow("down");
    await Promise.allSettled(failed);
    fail = false;
    expect(await coalescer.request("org", 3)).toBe(6);
  });
});

/** The database's published head: these logs were appended to directly, no relay vouches for anything. */
const nothingPublished = () => Promise.resolve(0);

describe("SharedOrgReader", () => {
  it("answers a storm of reads of one org with one log read, each exactly as its own read would", async () => {
    const log = new CountingLog();
    const [a, b] = [randomUUID(), randomUUID()];
    await log.append([...events(a, 1, 40), ...events(b, 1, 5)]);
    const reader = new SharedOrgReader(log, nothingPublished);
    const afterSeqs = [17, 3, 40, 0, 25, Number.MAX_SAFE_INTEGER, 39, 3, 12];

    const shared = await Promise.all(afterSeqs.map((afterSeq) => reader.readSince(a, afterSeq)));
    const sharedReads = log.reads.length;
    const alone = await Promise.all(afterSeqs.map((afterSeq) => log.readSince(a, afterSeq)));

    expect(sharedReads).toBe(1);
    expect(shared).toEqual(alone);
    expect(await reader.readSince(b, 2)).toEqual(await log.readSince(b, 2));
  });

  it("reads on their own the requests above a shared read that had to resync", async () => {
    const log = new CountingLog({ maxEvents: 10, maxAgeMs: 60_000 });
    const org = randomUUID();
    await log.append(events(org, 1, 30));
    const reader = new SharedOrgReader(log, nothingPublished);
    await reader.readSince(org, 29);
    log.reads = [];

    const [old, recent] = await Promise.all([reader.readSince(org, 2), reader.readSince(org, 25)]);
    expect(old).toEqual({ kind: "resync", headSeq: 30 });
    expect(recent.kind === "events" && recent.events.map((e) => e.seq)).toEqual([26, 27, 28, 29, 30]);
    expect(log.reads.map((r) => r.afterSeq)).toEqual([2, 25]);
  });

  it("says 'lost' when the log ends below what the relay published, except to readers past that head", async () => {
    const log = new CountingLog({ maxEvents: 10, maxAgeMs: 60_000 });
    const org = randomUUID();
    await log.append(events(org, 1, 30));
    // Published up to 34, but the log (a Redis that lost its newest entries) ends at 30.
    const reader = new SharedOrgReader(log, () => Promise.resolve(34));

    const [behind, atLogHead, atPublished, fresh, pastRetention] = await Promise.all([
      reader.readSince(org, 25),
      reader.readSince(org, 30),
      reader.readSince(org, 34),
      reader.readSince(org, Number.MAX_SAFE_INTEGER),
      reader.readSince(org, 2)
    ]);
    expect(behind).toEqual({ kind: "lost", headSeq: 34 });
    expect(atLogHead).toEqual({ kind: "lost", headSeq: 34 });
    expect(atPublished).toEqual({ kind: "events", events: [], headSeq: 30 });
    expect(fresh).toEqual({ kind: "events", events: [], headSeq: 30 });
    // A resync's seq is where live delivery resumes: never below what the refetched snapshot holds.
    expect(pastRetention).toEqual({ kind: "resync", headSeq: 34 });
  });

  it("vouches with the published head the requests bring, asking the database only when one came without", async () => {
    const log = new CountingLog();
    const org = randomUUID();
    await log.append(events(org, 1, 30));
    let asked = 0;
    const reader = new SharedOrgReader(log, () => {
      asked += 1;
      return Promise.resolve(30);
    });

    // Handshakes read 28 and 30, and the log ends at 30: the batch vouches with the higher.
    const [first, second] = await Promise.all([reader.readSince(org, 25, 28), reader.readSince(org, 26, 30)]);
    expect(asked).toBe(0);
    expect(first.kind === "events" && first.events.map((e) => e.seq)).toEqual([26, 27, 28, 29, 30]);
    expect(second.kind === "events" && second.events.map((e) => e.seq)).toEqual([27, 28, 29, 30]);
    // One read 34, but the log (a Redis that lost its newest entries) ends at 30.
    expect(await reader.readSince(org, 26, 34)).toEqual({ kind: "lost", headSeq: 34 });
    expect(asked).toBe(0);

    // A batch with a request that brought none asks once, and that answer vouches for the batch.
    const mixed = await Promise.all([reader.readSince(org, 25, 30), reader.readSince(org, 26)]);
    expect(asked).toBe(1);
    expect(mixed.map((r) => r.kind)).toEqual(["events", "events"]);
  });
});
