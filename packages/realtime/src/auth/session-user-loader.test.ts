import { randomUUID } from "node:crypto";
import { type DbClient } from "@switchboard/db";
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
        if (prop === "user") lookups += 1;
        return Reflect.get(target, prop, receiver) as unknown;
      }
    }) as DbClient;
    const loader = new SessionUserLoader(counting);
    const unknown = randomUUID();
    const found = await Promise.all([...users.map((u) => loader.find(u.id)), loader.find(unknown), loader.find(agent.id)]);

    expect(lookups).toBeLessThanOrEqual(2);
    expect(found.slice(0, 30).map((u) => [u?.id, u?.role, u?.orgId])).toEqual(users.map((u) => [u.id, u.role, org.id]));
    expect(found[30]).toBeNull();
    const expectedOffices = offices.map((o) => o.id).sort();
    expect(found[31]?.officeIds).toEqual(expectedOffices);
    expect(found.find((u) => u?.id === users.find((x) => x.role === "supervisor")?.id)?.officeIds).toEqual([]);

    // Changes apply to the next handshake.
    await db.user.update({ where: { id: agent.id }, data: { role: "supervisor" } });
    await db.officeMember.deleteMany({ where: { userId: agent.id } });
    expect(await loader.find(agent.id)).toMatchObject({ role: "supervisor", officeIds: [] });
  });
});
