import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "../client/create-client";
import type { OutboxEvent } from "../generated/prisma/client";
import { createOrganization, createUser, extensionData, trunkData } from "../seed/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { toExtensionView } from "../views/extension-view";
import { toTrunkView } from "../views/trunk-view";
import { withActor } from "./context";
import type { PendingEvent } from "./outbox-batch";

let t: TestDatabase;
let db: DbClient;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.client;
});
afterAll(() => t.drop());

async function eventsOf(orgId: string): Promise<OutboxEvent[]> {
  return t.database.raw.outboxEvent.findMany({ where: { organizationId: orgId }, orderBy: { seq: "asc" } });
}

/** Collects what the commit notifier announces while `fn` runs. */
async function announced(fn: () => Promise<unknown>): Promise<PendingEvent[][]> {
  const batches: PendingEvent[][] = [];
  const listener = (events: PendingEvent[]) => batches.push(events);
  t.database.notifier.on("committed", listener);
  try {
    await fn().catch(() => undefined);
  } finally {
    t.database.notifier.off("committed", listener);
  }
  return batches;
}

describe("CRUD hooks write outbox events", () => {
  it("create: one created event with the view (no secrets) and the actor", async () => {
    const org = await createOrganization(db);
    const admin = await createUser(db, org.id, { role: "admin", name: "Ada" });
    // Prisma queries are lazy: the async callback starts the query inside withActor's context.
    const row = await withActor({ id: admin.id, name: admin.name }, async () =>
      db.extension.create({ data: { ...extensionData(t.box, org.id, "100"), userId: admin.id } })
    );
    // Creating the user announced user.created first.
    const [userCreated, event, ...rest] = await eventsOf(org.id);
    expect(userCreated).toMatchObject({ seq: 1n, type: "user.created", subjectKind: "user", subjectId: admin.id });
    expect(rest).toHaveLength(0);
    expect(event).toMatchObject({
      seq: 2n,
      type: "extension.created",
      subjectKind: "extension",
      subjectId: row.id,
      actorId: admin.id,
      actorName: "Ada",
      publishedAt: null
    });
    expect(event?.data).toEqual(toExtensionView({ ...row, user: { name: "Ada" } }));
    expect(JSON.stringify(event?.data)).not.toContain(row.sipSecretEnc);
    expect(event?.data).not.toHaveProperty("sipSecretEnc");
    // The caller's default shape is the plain row, without the relation the view needed.
    expect(row).not.toHaveProperty("user");
  });

  it("withActor also applies to a lazy query returned without await", async () => {
    const org = await createOrganization(db);
    await withActor({ id: "00000000-0000-4000-8000-000000000001", name: "Lazy" }, () => db.extension.create({ data: extensionData(t.box, org.id, "150") }));
    const [event] = await eventsOf(org.id);
    expect(event).toMatchObject({ actorName: "Lazy" });
  });

  it("createManyAndReturn with a select that leaves out id still returns the selected fields", async () => {
    const org = await createOrganization(db);
    const rows = await db.extension.createManyAndReturn({
      data: [extensionData(t.box, org.id, "160"), extensionData(t.box, org.id, "161")],
      select: { number: true }
    });
    expect(rows).toEqual([{ number: "160" }, { number: "161" }]);
    expect(await eventsOf(org.id)).toHaveLength(2);
  });

  it("update, upsert (both branches) and delete", async () => {
    const org = await createOrganization(db);
    const row = await db.extension.create({ data: extensionData(t.box, org.id, "200") });
    const updated = await db.extension.update({ where: { id: row.id }, data: { displayName: "Front desk" } });
    const where = { organizationId_number: { organizationId: org.id, number: "201" } };
    const upserted = await db.extension.upsert({ where, create: extensionData(t.box, org.id, "201"), update: { enabled: false } });
    await db.extension.upsert({ where, create: extensionData(t.box, org.id, "201"), update: { enabled: false } });
    await db.extension.delete({ where: { id: row.id } });

    const events = await eventsOf(org.id);
    expect(events.map((e) => [Number(e.seq), e.type, e.subjectId])).toEqual([
      [1, "extension.created", row.id],
      [2, "extension.updated", row.id],
      [3, "extension.created", upserted.id],
      [4, "extension.updated", upserted.id],
      [5, "extension.deleted", row.id]
    ]);
    expect(events[1]?.data).toEqual({ ...toExtensionView(updated), changes: { displayName: { from: row.displayName, to: "Front desk" } } });
    expect(events[3]?.data).toMatchObject({ id: upserted.id, enabled: false });
    expect(events[4]?.data).toEqual({ id: row.id, label: "200 Front desk" });
    expect(events.every((e) => e.actorId === null)).toBe(true);
  });

  it("createMany, createManyAndReturn, updateMany and deleteMany: one event per row", async () => {
    const org = await createOrganization(db);
    const created = await db.extension.createMany({ data: ["300", "301"].map((n) => extensionData(t.box, org.id, n)) });
    const returned = await db.extension.createManyAndReturn({ data: ["302", "303"].map((n) => extensionData(t.box, org.id, n)) });
    const updated = await db.extension.updateMany({ where: { organizationId: org.id, number: { in: ["300", "302"] } }, data: { enabled: false } });
    const none = await db.extension.updateMany({ where: { organizationId: org.id, number: "nope" }, data: { enabled: false } });
    const deleted = await db.extension.deleteMany({ where: { organizationId: org.id, number: { in: ["301", "303"] } } });

    expect([created.count, returned.length, updated.count, none.count, deleted.count]).toEqual([2, 2, 2, 0, 2]);
    expect(returned[0]).toHaveProperty("sipSecretEnc");
    const events = await eventsOf(org.id);
    expect(events.map((e) => Number(e.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(events.map((e) => e.type)).toEqual([
      ...Array(4).fill("extension.created"),
      ...Array(2).fill("extension.updated"),
      ...Array(2).fill("extension.deleted")
    ]);
    const rows = await db.extension.findMany({ where: { organizationId: org.id } });
    const numberOf = (id: string) => (events.find((e) => e.subjectId === id && e.type === "extension.created")?.data as { number: string }).number;
    expect(
      events
        .slice(4, 6)
        .map((e) => numberOf(e.subjectId))
        .sort()
    ).toEqual(["300", "302"]);
    expect(
      events
        .slice(6)
        .map((e) => (e.data as { label: string }).label)
        .sort()
    ).toEqual(["301 Desk 301", "303 Desk 303"]);
    expect(rows.map((r) => r.number).sort()).toEqual(["300", "302"]);
  });

  it("bulk writes of a model loaded with a list relation (a user's offices): one event per row, with the relation", async () => {
    const org = await createOrganization(db);
    const office = await db.office.create({ data: { organizationId: org.id, name: "Support" } });
    const people = ["a", "b"].map((n) => ({ organizationId: org.id, name: `Agent ${n}`, email: `${n}-${org.id}@example.test`, role: "agent" as const }));
    const users = await db.user.createManyAndReturn({ data: people });
    await db.officeMember.createMany({ data: users.map((u) => ({ officeId: office.id, userId: u.id })) });
    const updated = await db.user.updateMany({ where: { organizationId: org.id }, data: { status: "deactivated" } });

    expect(updated.count).toBe(2);
    const events = await eventsOf(org.id);
    const created = events.filter((e) => e.type === "user.created");
    expect(created.map((e) => e.subjectId)).toEqual(users.map((u) => u.id));
    const deactivated = events.filter((e) => e.type === "user.deactivated");
    expect(deactivated.map((e) => e.subjectId).sort()).toEqual(users.map((u) => u.id).sort());
    for (const e of deactivated) expect(e.data).toMatchObject({ status: "deactivated", officeIds: [office.id] });
  });

  it("trunk events carry the trunk view, never the secret", async () => {
    const org = await createOrganization(db);
    const trunk = await db.trunk.create({ data: trunkData(t.box, org.id, "Carrier A") });
    const [event] = await eventsOf(org.id);
    expect(event).toMatchObject({ type: "trunk.created", subjectKind: "trunk", subjectId: trunk.id });
    expect(event?.data).toEqual(toTrunkView(trunk));
    expect(JSON.stringify(event?.data)).not.toContain(String(trunk.secretEnc));
  });

  it("honours the caller's select, include and omit while the event keeps the full view", async () => {
    const org = await createOrganization(db);
    const user = await createUser(db, org.id, { role: "agent", name: "Bo" });
    const selected = await db.extension.create({ data: extensionData(t.box, org.id, "400"), select: { id: true, number: true } });
    expect(Object.keys(selected).sort()).toEqual(["id", "number"]);
    const included = await db.extension.update({ where: { id: selected.id }, data: { userId: user.id }, include: { user: true } });
    expect(included.user?.name).toBe("Bo");
    const omitted = await db.extension.create({ data: extensionData(t.box, org.id, "401"), omit: { sipSecretEnc: true } });
    expect(omitted).not.toHaveProperty("sipSecretEnc");
    expect(omitted).toHaveProperty("sipSecretHint");
    const many = await db.extension.createManyAndReturn({ data: [extensionData(t.box, org.id, "402")], select: { id: true, number: true } });
    expect(many).toEqual([{ id: expect.any(String), number: "402" }]);
    const removed = await db.extension.delete({ where: { id: omitted.id }, select: { id: true } });
    expect(removed).toEqual({ id: omitted.id });

    const events = (await eventsOf(org.id)).filter((e) => e.subjectKind === "extension");
    expect(events.map((e) => e.type)).toEqual(["extension.created", "extension.updated", "extension.created", "extension.created", "extension.deleted"]);
    expect(events[0]?.data).toMatchObject({ number: "400", sipUsername: "ext400", userName: null });
    expect(events[1]?.data).toMatchObject({ userId: user.id, userName: "Bo" });
  });
});

describe("events commit or roll back with the change (G1)", () => {
  it("an interactive transaction that throws leaves neither the change nor an event", async () => {
    const org = await createOrganization(db);
    const batches = await announced(() =>
      db.$transaction(async (tx) => {
        await tx.extension.create({ data: extensionData(t.box, org.id, "500") });
        await tx.trunk.create({ data: trunkData(t.box, org.id, "Gone") });
        throw new Error("changed my mind");
      })
    );
    expect(batches).toEqual([]);
    expect(await db.extension.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await eventsOf(org.id)).toEqual([]);
    // The rolled-back transaction consumed no seq: the next event is 1.
    await db.extension.create({ data: extensionData(t.box, org.id, "500") });
    expect((await eventsOf(org.id)).map((e) => Number(e.seq))).toEqual([1]);
  });

  it("a failing write inside the transaction rolls back earlier writes and their events", async () => {
    const org = await createOrganization(db);
    await db.extension.create({ data: extensionData(t.box, org.id, "510") });
    await expect(
      db.$transaction(async (tx) => {
        await tx.trunk.create({ data: trunkData(t.box, org.id, "Kept?") });
        await tx.extension.create({ data: extensionData(t.box, org.id, "510") }); // duplicate number
      })
    ).rejects.toThrow();
    expect(await db.trunk.count({ where: { organizationId: org.id } })).toBe(0);
    expect((await eventsOf(org.id)).map((e) => e.type)).toEqual(["extension.created"]);
  });

  it("a batch $transaction commits all writes and their events together, announced once", async () => {
    const org = await createOrganization(db);
    let result: unknown[] = [];
    const batches = await announced(async () => {
      result = await db.$transaction([
        db.extension.create({ data: extensionData(t.box, org.id, "600") }),
        db.trunk.create({ data: trunkData(t.box, org.id, "Batch") }),
        db.extension.count({ where: { organizationId: org.id } })
      ]);
    });
    expect(result[2]).toBe(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.map((e) => [e.seq, e.type])).toEqual([
      [1, "extension.created"],
      [2, "trunk.created"]
    ]);
    expect((await eventsOf(org.id)).map((e) => e.type)).toEqual(["extension.created", "trunk.created"]);

    const failed = await announced(() =>
      db.$transaction([
        db.extension.create({ data: extensionData(t.box, org.id, "601") }),
        db.extension.create({ data: extensionData(t.box, org.id, "600") }) // duplicate number
      ])
    );
    expect(failed).toEqual([]);
    expect(await db.extension.count({ where: { organizationId: org.id } })).toBe(1);
    expect(await eventsOf(org.id)).toHaveLength(2);
  });

  it("announces each committed transaction's events after commit", async () => {
    const org = await createOrganization(db);
    const batches = await announced(() =>
      db.$transaction(async (tx) => {
        const a = await tx.extension.create({ data: extensionData(t.box, org.id, "700") });
        await tx.extension.update({ where: { id: a.id }, data: { enabled: false } });
      })
    );
    expect(batches.map((b) => b.map((e) => [e.orgId, e.seq, e.type]))).toEqual([
      [
        [org.id, 1, "extension.created"],
        [org.id, 2, "extension.updated"]
      ]
    ]);
  });
});
