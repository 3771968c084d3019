import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withSerialTransactions } from "../client/serial-transactions";
import { PrismaClient } from "../generated/prisma/client";
import { createOrganization, createUser, extensionData } from "../seed/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { ticketNames } from "../views/ticket-view";
import { eventModels } from "./event-models";
import { CommitNotifier, withOutbox } from "./outbox-extension";

/**
 * The hooks read a written row once: each hooked write issues no more reads of its table (and of
 * the relations its events load) than the same write made without hooks with the model's include,
 * plus the row before an update only where the event depends on what changed — and no read after
 * an update whose view's relations the row before already holds (`carry`). Counted from Prisma's
 * own statement log.
 */

let t: TestDatabase;
let raw: PrismaClient<"query">;
let hooked: ReturnType<typeof withOutbox>;
const statements: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
  raw = new PrismaClient({
    adapter: withSerialTransactions(new PrismaPg({ connectionString: t.url, max: 4, pipeline: true })),
    log: [{ emit: "event", level: "query" }]
  });
  raw.$on("query", (e) => statements.push(e.query));
  hooked = withOutbox(raw, new CommitNotifier());
});
afterAll(async () => {
  await raw?.$disconnect();
  await t?.drop();
});

/** How many SELECTs of each table `fn` issues. */
async function readsOf(fn: () => Promise<unknown>): Promise<Record<string, number>> {
  statements.length = 0;
  await fn();
  const reads: Record<string, number> = {};
  for (const sql of statements) {
    const table = /^SELECT .*? FROM "public"\."(\w+)"/s.exec(sql)?.[1];
    if (table) reads[table] = (reads[table] ?? 0) + 1;
  }
  return reads;
}

function sumOf(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const sum = { ...a };
  for (const [table, n] of Object.entries(b)) sum[table] = (sum[table] ?? 0) + n;
  return sum;
}

const withUser = { user: { select: { name: true } } };

describe("a hooked write reads its row once", () => {
  it("create and update with the caller's include or select: the caller's shape is cut from the row the write returned (plus, for a model that records changes, the row before the update)", async () => {
    const org = await createOrganization(t.database.client);
    const user = await createUser(t.database.client, org.id, { role: "admin", name: "Ada" });
    const include = eventModels.Extension.include;

    const plainCreate = await readsOf(() => raw.extension.create({ data: extensionData(t.box, org.id, "100"), include }));
    let id = "";
    const created = await readsOf(async () => {
      ({ id } = await hooked.extension.create({ data: extensionData(t.box, org.id, "101"), select: { id: true, number: true } }));
    });
    expect(created).toEqual(plainCreate);

    const plainUpdate = await readsOf(() => raw.extension.update({ where: { id }, data: { displayName: "Desk" }, include }));
    let userName: string | undefined;
    const updated = await readsOf(async () => {
      const row = await hooked.extension.update({ where: { id }, data: { displayName: "Front", userId: user.id }, include: withUser });
      userName = row.user?.name;
    });
    // Extension updates record what changed, so the row before is read once, with its view's relations.
    const readBefore = await readsOf(() => raw.extension.findUnique({ where: { id }, include }));
    expect(updated).toEqual(sumOf(plainUpdate, readBefore));
    expect(userName).toBe("Ada");
  });

  it("an update that leaves the view's relations as they were takes them from the row before: nothing is read after the write", async () => {
    const org = await createOrganization(t.database.client);
    const [grace, alan] = await Promise.all(["Grace", "Alan"].map((name) => createUser(t.database.client, org.id, { role: "agent", name })));
    if (!grace || !alan) throw new Error("users not created");
    const ext = await hooked.extension.create({ data: { ...extensionData(t.box, org.id, "110"), userId: grace.id } });
    const include = eventModels.Extension.include;
    const latestEvent = () => t.database.raw.outboxEvent.findFirstOrThrow({ where: { subjectId: ext.id }, orderBy: { seq: "desc" } });

    const readBefore = await readsOf(() => raw.extension.findUnique({ where: { id: ext.id }, include }));
    const plainUpdate = await readsOf(() => raw.extension.update({ where: { id: ext.id }, data: { displayName: "Desk" } }));
    let userName: string | undefined;
    const updated = await readsOf(async () => {
      const row = await hooked.extension.update({ where: { id: ext.id }, data: { displayName: "Front" }, include: withUser });
      userName = row.user?.name;
    });
    expect(updated).toEqual(sumOf(plainUpdate, readBefore));
    expect(userName).toBe("Grace");
    expect((await latestEvent()).data).toMatchObject({ displayName: "Front", userName: "Grace", changes: { displayName: { from: "Desk", to: "Front" } } });

    // A write of the relation itself, or of the key it follows, reads the row again.
    await hooked.extension.update({ where: { id: ext.id }, data: { user: { connect: { id: alan.id } } } });
    expect((await latestEvent()).data).toMatchObject({ userName: "Alan", changes: { userName: { from: "Grace", to: "Alan" } } });
    await hooked.extension.update({ where: { id: ext.id }, data: { userId: grace.id } });
    expect((await latestEvent()).data).toMatchObject({ userName: "Grace", changes: { userName: { from: "Alan", to: "Grace" } } });
  });

  it("a user's sign-in stamp takes the offices from the row before; a write of the memberships reads them after", async () => {
    const org = await createOrganization(t.database.client);
    const user = await createUser(t.database.client, org.id, { role: "agent", name: "Lin" });
    const [north, south] = await Promise.all(["North", "South"].map((name) => t.database.raw.office.create({ data: { organizationId: org.id, name } })));
    if (!north || !south) throw new Error("offices not created");
    await hooked.user.update({ where: { id: user.id }, data: { officeMemberships: { create: { officeId: north.id } } } });
    const latestEvent = () => t.database.raw.outboxEvent.findFirstOrThrow({ where: { subjectId: user.id }, orderBy: { seq: "desc" } });
    expect((await latestEvent()).data).toMatchObject({ officeIds: [north.id] });

    const readBefore = await readsOf(() => raw.user.findUnique({ where: { id: user.id }, include: eventModels.User.include }));
    const plainUpdate = await readsOf(() => raw.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } }));
    expect(await readsOf(() => hooked.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } }))).toEqual(sumOf(plainUpdate, readBefore));
    expect((await latestEvent()).data).toMatchObject({ officeIds: [north.id] });

    await hooked.user.update({ where: { id: user.id }, data: { officeMemberships: { create: { officeId: south.id } } } });
    expect((await latestEvent()).data).toMatchObject({ officeIds: [north.id, south.id].sort() });
  });

  it("an update whose event depends on what changed reads the row before it once, without the relations of the event's view", async () => {
    const org = await createOrganization(t.database.client);
    const customer = await createUser(t.database.client, org.id, { role: "customer" });
    const ticket = await hooked.ticket.create({
      data: {
        organizationId: org.id,
        number: 1,
        subject: "Phone dead",
        body: "No tone",
        customerId: customer.id,
        createdById: customer.id,
        slaDueAt: new Date()
      }
    });
    const include = eventModels.Ticket.include;

    const plain = await readsOf(() => raw.ticket.update({ where: { id: ticket.id }, data: { priority: "high" }, include }));
    const reads = await readsOf(() => hooked.ticket.update({ where: { id: ticket.id }, data: { status: "pending" }, include: ticketNames }));
    expect(reads).toEqual({ ...plain, tickets: (plain.tickets ?? 0) + 1 });
  });

  it("a status upsert reads nothing before writing: it announces the same event whether it creates or updates", async () => {
    const org = await createOrganization(t.database.client);
    const ext = await hooked.extension.create({ data: extensionData(t.box, org.id, "200") });
    const status = (changedAt: Date) => ({
      where: { extensionId: ext.id },
      create: { organizationId: org.id, extensionId: ext.id, changedAt },
      update: { changedAt }
    });
    const plain = await readsOf(() => raw.extensionStatus.upsert(status(new Date())));
    expect(await readsOf(() => hooked.extensionStatus.upsert(status(new Date())))).toEqual(plain);
  });

  it("delete reads the row it announces once; a model that announces no deletion reads nothing", async () => {
    const org = await createOrganization(t.database.client);
    const include = eventModels.Extension.include;
    const [a, b] = await Promise.all(["300", "301"].map((n) => hooked.extension.create({ data: extensionData(t.box, org.id, n) })));
    if (!a || !b) throw new Error("extensions not created");
    const plain = await readsOf(() => raw.extension.delete({ where: { id: a.id }, include }));
    expect(await readsOf(() => hooked.extension.delete({ where: { id: b.id } }))).toEqual(plain);

    const status = await hooked.trunkStatus.create({
      data: {
        organizationId: org.id,
        trunkId: (await hooked.trunk.create({ data: { organizationId: org.id, name: "T", host: "h" } })).id,
        changedAt: new Date()
      }
    });
    expect(await readsOf(() => hooked.trunkStatus.delete({ where: { id: status.id } }))).toEqual({});
  });
});
