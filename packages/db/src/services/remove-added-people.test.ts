import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "../client/create-client";
import { withActor } from "../outbox/context";
import { createOrganization, createUser } from "../seed/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { removeAddedPeople } from "./remove-added-people";
import { addPerson } from "./sign-in-links";

let t: TestDatabase;
let db: DbClient;
let orgId: string;
let otherOrgId: string;
let officeId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.client;
  orgId = (await createOrganization(db)).id;
  otherOrgId = (await createOrganization(db)).id;
  officeId = (await db.office.create({ data: { organizationId: orgId, name: "Support" } })).id;
});
afterAll(() => t.drop());

const add = (email: string, role: "agent" | "customer", org = orgId) =>
  db.$transaction((tx) =>
    addPerson(
      tx as unknown as DbClient,
      null,
      org,
      { email, name: email, role, officeIds: role === "agent" && org === orgId ? [officeId] : [] },
      role === "agent" ? "invite" : "no_sign_in"
    )
  );

describe("removing the people an unfinished import added", () => {
  it("deletes those nobody used yet, announces user.deleted with their last state and office.updated, and leaves everyone else", async () => {
    await add("inv@example.test", "agent");
    await add("cust@example.test", "customer");
    await add("elsewhere@example.test", "agent", otherOrgId);
    const joined = await createUser(db, orgId, { role: "agent", email: "joined@example.test" });
    const before = await db.outboxEvent.count();
    const count = await withActor(null, () =>
      db.$transaction((tx) =>
        removeAddedPeople(tx as unknown as DbClient, orgId, ["inv@example.test", "cust@example.test", "elsewhere@example.test", "joined@example.test"])
      )
    );
    expect(count).toBe(2);
    const left = await db.user.findMany({ where: { email: { endsWith: "@example.test" } }, select: { email: true } });
    expect(left.map((u) => u.email).sort()).toEqual(["elsewhere@example.test", joined.email]);
    const events = await db.outboxEvent.findMany({ orderBy: { seq: "asc" }, skip: before });
    expect(
      events
        .filter((e) => e.type === "user.deleted")
        .map((e) => (e.data as { email: string; status: string }).email)
        .sort()
    ).toEqual(["cust@example.test", "inv@example.test"]);
    expect(events.find((e) => e.type === "user.deleted" && (e.data as { email: string }).email === "inv@example.test")?.data).toMatchObject({
      status: "invited",
      officeIds: [officeId]
    });
    expect(events.filter((e) => e.type === "office.updated").map((e) => e.subjectId)).toEqual([officeId]);
    expect(await db.userToken.count({ where: { user: { email: "inv@example.test" } } })).toBe(0);
  });
});
