import { randomUUID } from "node:crypto";
import { publishedSeq, type DbClient } from "@switchboard/db";
import { createOrganization, createUser } from "@switchboard/db/seed";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SessionUserLoader } from "./session-user-loader";

describe("SessionUserLoader (PostgreSQL)", () => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase({ poolSize: 4 });
  });
  afterAll(async () => {
    await testDb.drop();
  });

  it("answers a storm of handshakes with a few batched lookups, each with the user's current role and offices", async () => {
    const db = testDb.database.client;
    const org = await createOrganization(db);
    const users = await Promise.all(Array.from({ length: 30 }, (_, i) => createUser(db, org.id, { role: i % 2 ? "agent" : "supervisor", passwordHash: "x" })));
    const offices = await Promise.all(["Sales", "Support"].map((name) => db.office.create({ data: { organizationId: org.id, name } })));
    const [agent] = users.filter((u) => u.role === "agent");
    if (!agent) throw new Error("no agent");
    await db.officeMember.createMany({ data: offices.map((o) => ({ officeId: o.id, userId: agent.id })) });

    let lookups = 0;
    const counting = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === "$queryRawUnsafe") lookups += 1;
        return Reflect.get(target, prop, receiver) as unknown;
      }
    }) as DbClient;
    const loader = new SessionUserLoader(counting);
    const unknown = randomUUID();
    const found = await Promise.all([...users.map((u) => loader.find(u.id)), loader.find(unknown), loader.find(agent.id)]);

    expect(lookups).toBeLessThanOrEqual(2);
    expect(found.slice(0, 30).map((u) => [u?.user.id, u?.user.role, u?.user.orgId, u?.status, u?.sessionVersion])).toEqual(
      users.map((u) => [u.id, u.role, org.id, "active", 1])
    );
    expect(found[30]).toBeNull();
    const expectedOffices = offices.map((o) => o.id).sort();
    expect(found[31]?.user.officeIds).toEqual(expectedOffices);
    expect(found.find((u) => u?.user.id === users.find((x) => x.role === "supervisor")?.id)?.user.officeIds).toEqual([]);
    // The snapshot's seq is the organization's last committed event as of the same read.
    const seq = Number((await db.orgSequence.findUnique({ where: { organizationId: org.id } }))?.value ?? 0);
    expect(found[0]?.seq).toBe(seq);

    // Changes apply to the next handshake.
    await db.user.update({ where: { id: agent.id }, data: { role: "supervisor", status: "deactivated", sessionVersion: 4 } });
    await db.officeMember.deleteMany({ where: { userId: agent.id } });
    expect(await loader.find(agent.id)).toMatchObject({ user: { role: "supervisor", officeIds: [] }, status: "deactivated", sessionVersion: 4, seq: seq + 1 });
  });

  it("reads how far the relay has published the user's organization, as the replay's check does", async () => {
    const db = testDb.database.client;
    const org = await createOrganization(db);
    const user = await createUser(db, org.id, { role: "agent", passwordHash: "x" });
    for (const name of ["One", "Two", "Three"]) await db.office.create({ data: { organizationId: org.id, name } });
    const loader = new SessionUserLoader(db);
    const head = Number((await db.orgSequence.findUnique({ where: { organizationId: org.id } }))?.value ?? 0);
    expect(head).toBeGreaterThan(2);

    // Nothing published yet (no relay runs here), then all but the newest event, then everything.
    expect((await loader.find(user.id))?.publishedSeq).toBe(await publishedSeq(db, org.id));
    await db.outboxEvent.updateMany({ where: { organizationId: org.id, seq: { lt: BigInt(head) } }, data: { publishedAt: new Date() } });
    expect((await loader.find(user.id))?.publishedSeq).toBe(head - 1);
    await db.outboxEvent.updateMany({ where: { organizationId: org.id }, data: { publishedAt: new Date() } });
    expect((await loader.find(user.id))?.publishedSeq).toBe(head);
  });
});
