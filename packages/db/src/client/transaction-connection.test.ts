import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client";
import { createOrganization, extensionData } from "../seed/factories";
import { announcedBy as announcedByDb } from "../testing/announced-by";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";

/**
 * A transaction's statements as PostgreSQL receives them: grouped into writes (a write: statements
 * handed to the connection while none of it was waiting for an answer, i.e. sent before the
 * server answered any of them). Watched on pg (never replaced); one connection, so a transaction
 * left open or aborted would break the next one.
 */
let t: TestDatabase;
const original = pg.Client.prototype.query;
let writes: string[][] = [];

function watchWrites(): void {
  writes = [];
  const inFlight = new Map<object, number>();
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first] = args;
    const text = typeof first === "string" ? first : String((first as { text?: unknown }).text);
    const waiting = inFlight.get(this) ?? 0;
    const statement = text.trim().split(/\s+/)[0] ?? "";
    if (waiting === 0) writes.push([statement]);
    else writes.at(-1)?.push(statement);
    inFlight.set(this, waiting + 1);
    const settle = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) result.then(settle, settle);
    return result;
  } as typeof original;
}

beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 1 });
});
afterEach(() => {
  pg.Client.prototype.query = original;
});
afterAll(() => t?.drop());

const announcedBy = (fn: () => Promise<unknown>) => announcedByDb(t.database, fn);

describe("a transaction's statements on the wire", () => {
  it("a hooked update: BEGIN, the row before and the UPDATE in one write, the outbox rows with COMMIT in the second; the event still sees the row before", async () => {
    const db = t.database.client;
    const org = await createOrganization(db);
    const ext = await db.extension.create({ data: extensionData(t.box, org.id, "100", { displayName: "Front" }) });

    watchWrites();
    await db.extension.update({ where: { id: ext.id }, data: { displayName: "Back" } });
    pg.Client.prototype.query = original;

    expect(writes).toEqual([
      ["BEGIN", "SELECT", "UPDATE"],
      ["WITH", "COMMIT"]
    ]);
    const event = await t.database.raw.outboxEvent.findFirstOrThrow({ where: { organizationId: org.id, type: "extension.updated" } });
    expect(event.data).toMatchObject({ displayName: "Back", changes: { displayName: { from: "Front", to: "Back" } } });
  });

  it("a transaction that makes no statement sends nothing, committed or rolled back", async () => {
    const db = t.database.client;
    watchWrites();
    expect(await db.$transaction(async () => 7)).toBe(7);
    await expect(
      db.$transaction(async () => {
        throw new Error("changed my mind");
      })
    ).rejects.toThrow("changed my mind");
    expect(writes).toEqual([]);
  });

  it("the first statement goes with BEGIN, and the isolation level asked for still applies", async () => {
    watchWrites();
    const level = await t.database.client.$transaction(
      async (tx) => (await tx.$queryRawUnsafe<{ transaction_isolation: string }[]>("SHOW transaction_isolation"))[0]?.transaction_isolation,
      { isolationLevel: Prisma.TransactionIsolationLevel.Serializable }
    );
    expect(level).toBe("serializable");
    expect(writes).toEqual([["BEGIN", "SET"], ["SHOW"], ["COMMIT"]]);
  });

  it("an UPDATE that fails beside its read: the caller gets the update's error, nothing is written or announced, and the connection serves the next transaction", async () => {
    const db = t.database.client;
    const org = await createOrganization(db);
    await db.extension.create({ data: extensionData(t.box, org.id, "200") });
    const ext = await db.extension.create({ data: extensionData(t.box, org.id, "201", { displayName: "Kept" }) });

    const announced = await announcedBy(async () => {
      const taken = db.extension.update({ where: { id: ext.id }, data: { number: "200", displayName: "Lost" } });
      await expect(taken).rejects.toMatchObject({ code: "P2002" });
    });
    expect(announced).toEqual([]);
    expect((await t.database.raw.extension.findUniqueOrThrow({ where: { id: ext.id } })).displayName).toBe("Kept");

    const next = await announcedBy(() => db.extension.update({ where: { id: ext.id }, data: { displayName: "Next" } }));
    expect(next.map((e) => e.type)).toEqual(["extension.updated"]);
  });

  it("a first statement that fails after the held BEGIN rolls back and leaves no transaction open", async () => {
    const db = t.database.client;
    await expect(db.$transaction((tx) => tx.$queryRawUnsafe("SELECT 1 / 0"))).rejects.toThrow(/division by zero/);
    // The pool's only connection: outside a transaction again, so this write commits on its own.
    const org = await createOrganization(db);
    expect(await t.database.raw.organization.count({ where: { id: org.id } })).toBe(1);
  });
});
