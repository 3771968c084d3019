import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createOrganization, extensionData } from "../seed/factories";
import { announcedBy as announcedByDb } from "../testing/announced-by";
import { organizationWithExtensions } from "../testing/organization-with-extensions";
import { clientWithAdapter as clientOn } from "../testing/pinned-client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { AsyncResource } from "node:async_hooks";
import { OutboxBatch } from "../outbox/outbox-batch";
import { PinnedTransaction, runPinned } from "./pinned-transactions";
import { flattenUniqueWhere, unbatchedReads } from "./unbatched-reads";

/**
 * A hooked write made outside any transaction runs in a transaction started on the adapter itself,
 * which Prisma's ordinary calls join while they run in its scope. Two pool connections: a
 * transaction left open, or a connection not given back, stalls the writes after it.
 */
let t: TestDatabase;
const clientWithAdapter = () => clientOn(t.url);

beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 2 });
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(() => t?.drop());

const announcedBy = (fn: () => Promise<unknown>) => announcedByDb(t.database, fn);

const withUser = { user: { select: { name: true } } } as const;

describe("a hooked write made alone", () => {
  it("commits with its event in a transaction of its own, not through Prisma's interactive transactions", async () => {
    const { org, extensions } = await organizationWithExtensions(t, "100");
    const [ext] = extensions;
    if (!ext) throw new Error("no extension");
    const pinned = vi.spyOn(PinnedTransaction.prototype, "run");

    const announced = await announcedBy(() => t.database.client.extension.update({ where: { id: ext.id }, data: { displayName: "Renamed" } }));

    expect(pinned).toHaveBeenCalledOnce();
    expect(announced.map((e) => e.type)).toEqual(["extension.updated"]);
    const event = await t.database.raw.outboxEvent.findFirstOrThrow({ where: { organizationId: org.id, type: "extension.updated" } });
    expect(event.data).toMatchObject({ displayName: "Renamed", changes: { displayName: { from: "Ext 100", to: "Renamed" } } });
  });

  it("a write Prisma makes in several statements runs in a savepoint of that transaction: it fails as a whole and leaves nothing", async () => {
    const db = t.database.client;
    const org = await createOrganization(db);
    const nested = vi.spyOn(PinnedTransaction.prototype, "nested");
    const call = (pbxCallId: string, eventId: bigint) =>
      db.call.create({
        data: {
          organizationId: org.id,
          pbxCallId,
          direction: "inbound",
          state: "ringing",
          fromNumber: "+3215550100",
          toNumber: "100",
          startedAt: new Date(),
          events: { create: [{ id: eventId, organizationId: org.id, kind: "ringing", at: new Date() }] }
        }
      });

    const first = await announcedBy(() => call("first", 9_000_001n));
    expect(first.map((e) => e.subjectKind)).toEqual(["call"]);
    expect(nested).toHaveBeenCalled();

    // The call row is written first; its timeline row then collides with the first call's.
    const second = await announcedBy(() => expect(call("second", 9_000_001n)).rejects.toMatchObject({ code: "P2002" }));
    expect(second).toEqual([]);
    expect(await t.database.raw.call.count({ where: { organizationId: org.id } })).toBe(1);
    expect(await t.database.raw.outboxEvent.count({ where: { organizationId: org.id } })).toBe(1);
  });

  it("failing writes give their connection back: the writes after them commit", async () => {
    const { org, extensions } = await organizationWithExtensions(t, "200", "201");
    const [taken, ext] = extensions;
    if (!taken || !ext) throw new Error("no extensions");
    for (let i = 0; i < 5; i++) {
      await expect(t.database.client.extension.update({ where: { id: ext.id }, data: { number: taken.number } })).rejects.toMatchObject({ code: "P2002" });
    }
    const announced = await announcedBy(() => t.database.client.extension.update({ where: { id: ext.id }, data: { displayName: "After" } }));
    expect(announced.map((e) => e.type)).toEqual(["extension.updated"]);
    expect(await t.database.raw.outboxEvent.count({ where: { organizationId: org.id, type: "extension.updated" } })).toBe(1);
  });

  it("reads other callers make in the same tick (which Prisma gathers into one query with the write's read of the row before) answer each caller rightly, whether the write fails or not", async () => {
    const { org, extensions } = await organizationWithExtensions(t, "300", "301", "302");
    const [a, b, c] = extensions;
    if (!a || !b || !c) throw new Error("no extensions");
    const raw = t.database.raw;
    const client = t.database.client;
    const read = (id: string) => raw.extension.findUnique({ where: { id }, include: withUser });

    // The write's read first, then the others'; then the others' first.
    const [, readB, readC] = await Promise.all([client.extension.update({ where: { id: a.id }, data: { displayName: "A1" } }), read(b.id), read(c.id)]);
    const [readB2, , readC2] = await Promise.all([read(b.id), client.extension.update({ where: { id: a.id }, data: { displayName: "A2" } }), read(c.id)]);
    expect([readB?.displayName, readC?.displayName, readB2?.displayName, readC2?.displayName]).toEqual(["Ext 301", "Ext 302", "Ext 301", "Ext 302"]);

    // A write that fails (its number is taken) beside others' reads: they still get their rows.
    const failing = client.extension.update({ where: { id: a.id }, data: { number: b.number } });
    const [failed, readB3] = await Promise.allSettled([failing, read(b.id)]);
    expect(failed).toMatchObject({ status: "rejected", reason: { code: "P2002" } });
    expect(readB3).toMatchObject({ status: "fulfilled", value: { id: b.id, displayName: "Ext 301" } });

    const events = await raw.outboxEvent.findMany({ where: { organizationId: org.id, type: "extension.updated" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => (e.data as { changes?: unknown }).changes)).toEqual([
      { displayName: { from: "Ext 300", to: "A1" } },
      { displayName: { from: "A1", to: "A2" } }
    ]);
  });
});

describe("a pinned transaction", () => {
  it("fails a call started in it that runs on after it ended, instead of running it on a connection it no longer holds", async () => {
    const { raw, adapter } = await clientWithAdapter();
    let release = () => {};
    const ended = new Promise<void>((resolve) => (release = resolve));
    let late: Promise<unknown> = Promise.resolve();
    await runPinned(adapter, new OutboxBatch(), async () => {
      late = ended.then(() => raw.organization.count());
    });
    release();
    await expect(late).rejects.toThrow(/outlived the transaction/);
    expect(await raw.organization.count()).toBeGreaterThanOrEqual(0);
  });

  it("does not gather its reads with other callers' reads (made as findFirst): a row the transaction wrote is found, and the other caller reads outside it", async () => {
    const db = t.database.client;
    const org = await createOrganization(db);
    const other = await db.extension.create({ data: extensionData(t.box, org.id, "400") });
    const { raw, adapter } = await clientWithAdapter();
    // Called inside the transaction's scope, starts (Prisma's calls are lazy: at then) in the scope it was made in, outside it.
    const outsideRead = AsyncResource.bind((id: string) => raw.extension.findUnique({ where: { id } }).then((row) => row));
    const read = (client: typeof raw, id: string) => client.extension.findUnique({ where: { id } });

    const attempt = (client: typeof raw) =>
      runPinned(adapter, new OutboxBatch(), async () => {
        const mine = await client.extension.create({ data: extensionData(t.box, org.id, "401") });
        // The outside read first, in the same tick: Prisma would gather the two and run them outside.
        const [theirs, found] = await Promise.all([outsideRead(other.id), read(client, mine.id)]);
        throw Object.assign(new Error("roll back"), { theirs, found });
      }).catch((error: { theirs?: unknown; found?: unknown; code?: string }) => error);

    expect(await attempt(raw)).toMatchObject({ theirs: { id: other.id }, found: null });
    expect(await attempt(unbatchedReads(raw) as unknown as typeof raw)).toMatchObject({ theirs: { id: other.id }, found: { number: "401" } });
  });

  it("reads a compound unique key as its fields", () => {
    expect(flattenUniqueWhere({ queueId_extensionId: { queueId: "q", extensionId: "e" }, organizationId: "o" })).toEqual({
      queueId: "q",
      extensionId: "e",
      organizationId: "o"
    });
    expect(flattenUniqueWhere({ id: "x", user: { name: "Ada" } })).toEqual({ id: "x", user: { name: "Ada" } });
  });
});
