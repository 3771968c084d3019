import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PinnedTransaction } from "../client/pinned-transactions";
import { announcedBy as announcedByDb } from "../testing/announced-by";
import { organizationWithExtensions } from "../testing/organization-with-extensions";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";

/**
 * `db.$transaction(fn)` on PostgreSQL runs in a transaction started on the driver adapter (as a
 * write made alone does), with the calls fn makes through its transaction client joining it.
 */
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 2 });
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(() => t?.drop());

const announcedBy = (fn: () => Promise<unknown>) => announcedByDb(t.database, fn);

describe("a transaction a service runs ($transaction(fn))", () => {
  it("runs in one pinned transaction: its model calls and raw SQL in it, its events committed and announced together", async () => {
    const { org, extensions } = await organizationWithExtensions(t, "500", "501");
    const [a, b] = extensions;
    if (!a || !b) throw new Error("no extensions");
    const pinned = vi.spyOn(PinnedTransaction.prototype, "run");

    const announced = await announcedBy(() =>
      t.database.client.$transaction(async (tx) => {
        await tx.extension.update({ where: { id: a.id }, data: { displayName: "A" } });
        const [{ first }] = await tx.$queryRawUnsafe<[{ first: string }]>("SELECT txid_current()::text AS first");
        await tx.extension.update({ where: { id: b.id }, data: { displayName: "B" } });
        const [{ second }] = await tx.$queryRawUnsafe<[{ second: string }]>("SELECT txid_current()::text AS second");
        expect(second).toBe(first);
      })
    );

    expect(pinned).toHaveBeenCalledOnce();
    expect(announced.map((e) => [e.type, e.subjectId])).toEqual([
      ["extension.updated", a.id],
      ["extension.updated", b.id]
    ]);
    expect(await t.database.raw.outboxEvent.count({ where: { organizationId: org.id, type: "extension.updated" } })).toBe(2);
  });

  it("starts a Prisma call that fn returns unawaited inside the transaction", async () => {
    const { extensions } = await organizationWithExtensions(t, "505");
    const [ext] = extensions;
    if (!ext) throw new Error("no extension");
    const pinned = vi.spyOn(PinnedTransaction.prototype, "run");
    const nested = vi.spyOn(PinnedTransaction.prototype, "nested");

    const announced = await announcedBy(() =>
      t.database.client.$transaction((tx) => tx.extension.update({ where: { id: ext.id }, data: { displayName: "Lazy" } }))
    );

    expect(announced.map((e) => e.type)).toEqual(["extension.updated"]);
    expect(pinned).toHaveBeenCalledOnce();
    expect(nested).not.toHaveBeenCalled();
  });

  it("rolls back as a whole when fn fails: no change, no event", async () => {
    const { org, extensions } = await organizationWithExtensions(t, "510");
    const [ext] = extensions;
    if (!ext) throw new Error("no extension");
    const announced = await announcedBy(() =>
      expect(
        t.database.client.$transaction(async (tx) => {
          await tx.extension.update({ where: { id: ext.id }, data: { displayName: "Gone" } });
          await tx.$executeRawUnsafe("UPDATE organizations SET name = 'Gone' WHERE id = $1::uuid", org.id);
          throw new Error("changed my mind");
        })
      ).rejects.toThrow("changed my mind")
    );
    expect(announced).toEqual([]);
    expect(await t.database.raw.extension.findUniqueOrThrow({ where: { id: ext.id } })).toMatchObject({ displayName: "Ext 510" });
    expect(await t.database.raw.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({ name: org.name });
  });

  it("runs at the isolation level asked for, and at PostgreSQL's default otherwise", async () => {
    const pinned = vi.spyOn(PinnedTransaction.prototype, "run");
    const level = (isolationLevel?: "RepeatableRead" | "Serializable") =>
      t.database.client.$transaction(
        (tx) => tx.$queryRawUnsafe<[{ transaction_isolation: string }]>("SHOW transaction_isolation"),
        isolationLevel ? { isolationLevel } : {}
      );
    expect(await level("RepeatableRead")).toEqual([{ transaction_isolation: "repeatable read" }]);
    expect(await level("Serializable")).toEqual([{ transaction_isolation: "serializable" }]);
    expect(await level()).toEqual([{ transaction_isolation: "read committed" }]);
    expect(pinned).toHaveBeenCalledTimes(3);
  });
});
