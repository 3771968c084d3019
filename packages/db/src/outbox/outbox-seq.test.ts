import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "../client/create-client";
import { createOrganization, extensionData } from "../seed/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";

let t: TestDatabase;
let db: DbClient;

beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 30 });
  db = t.database.client;
});
afterAll(() => t.drop());

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function seqOf(subjectId: string): Promise<number> {
  const row = await t.database.raw.outboxEvent.findFirstOrThrow({ where: { subjectId }, orderBy: { seq: "asc" } });
  return Number(row.seq);
}

/** Sessions of this test database waiting for a lock that session `pid` holds. */
async function blockedBy(pid: number): Promise<number> {
  const [row] = await t.database.raw.$queryRawUnsafe<{ n: number }[]>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND $1::int = ANY(pg_blocking_pids(pid))",
    pid
  );
  return row?.n ?? 0;
}

describe("event seq", () => {
  it("is taken at commit: an open transaction holds up no other writer, and seq follows commit order", async () => {
    const org = await createOrganization(db);
    const committed: string[] = [];
    const snapshots: number[][] = [];
    let writing = true;
    // A relay's view: at every moment the visible seqs must be exactly 1..k (the DESIGN.md trap).
    const watcher = (async () => {
      while (writing) {
        const rows = await t.database.raw.outboxEvent.findMany({ where: { organizationId: org.id }, select: { seq: true }, orderBy: { seq: "asc" } });
        snapshots.push(rows.map((r) => Number(r.seq)));
      }
    })();

    // "early" writes first and then holds its transaction open; "late" opens its transaction
    // first but writes only after the others committed.
    const earlyWrote = deferred();
    const releaseEarly = deferred();
    const lateOpened = deferred();
    const releaseLate = deferred();
    let earlyPid = 0;
    const early = db.$transaction(async (tx) => {
      const row = await tx.extension.create({ data: extensionData(t.box, org.id, "1") });
      earlyPid = (await tx.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid"))[0]?.pid ?? 0;
      earlyWrote.resolve();
      await releaseEarly.promise;
      return row;
    });
    const late = db.$transaction(async (tx) => {
      lateOpened.resolve();
      await releaseLate.promise;
      return tx.extension.create({ data: extensionData(t.box, org.id, "99") });
    });
    try {
      await Promise.all([earlyWrote.promise, lateOpened.promise]);
      let othersDone = false;
      const others = Promise.all(
        Array.from({ length: 18 }, (_, i) =>
          db.$transaction(async (tx) => tx.extension.create({ data: extensionData(t.box, org.id, String(10 + i)) })).then((row) => committed.push(row.id))
        )
      ).then(() => (othersDone = true));
      // Were the counter row locked from the write on (not only while COMMIT runs), they would wait for "early".
      await until(async () => othersDone || (await blockedBy(earlyPid)) >= 1, "the other writers to commit or wait for the open transaction");
      expect(othersDone).toBe(true);
      await others;
    } finally {
      releaseEarly.resolve();
      releaseLate.resolve();
    }
    const earlyRow = await early;
    const lateRow = await late;
    writing = false;
    await watcher;

    expect(await seqOf(earlyRow.id)).toBe(19);
    expect(await seqOf(lateRow.id)).toBe(20);
    const otherSeqs = await Promise.all(committed.map(seqOf));
    expect([...otherSeqs].sort((a, b) => a - b)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(snapshots.length).toBeGreaterThan(0);
    for (const seqs of snapshots) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const all = await t.database.raw.outboxEvent.findMany({ where: { organizationId: org.id }, orderBy: { seq: "asc" } });
    expect(all.map((e) => Number(e.seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it("is per organization: two orgs count independently, without gaps, under concurrency", async () => {
    const [a, b] = [await createOrganization(db), await createOrganization(db)];
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => {
        const org = i % 3 === 0 ? b : a;
        return i % 2 === 0
          ? db.extension.create({ data: extensionData(t.box, org.id, String(i)) })
          : db.extension.createMany({ data: [extensionData(t.box, org.id, `${i}a`), extensionData(t.box, org.id, `${i}b`)] });
      })
    );
    const seqs = async (orgId: string) =>
      (await t.database.raw.outboxEvent.findMany({ where: { organizationId: orgId }, orderBy: { seq: "asc" } })).map((e) => Number(e.seq));
    const countA = await db.extension.count({ where: { organizationId: a.id } });
    const countB = await db.extension.count({ where: { organizationId: b.id } });
    expect(await seqs(a.id)).toEqual(Array.from({ length: countA }, (_, i) => i + 1));
    expect(await seqs(b.id)).toEqual(Array.from({ length: countB }, (_, i) => i + 1));
    expect(countA + countB).toBe(45);
  });
});
