import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExtensionRow, createOrganization } from "../seed/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
});
afterAll(async () => {
  await t?.drop();
});

async function eventsOf(orgId: string) {
  return t.database.raw.outboxEvent.findMany({ where: { organizationId: orgId }, orderBy: { seq: "asc" } });
}

describe("call writes name their events by state transition", () => {
  it("started → ringing → answered → held → resumed → ended, each carrying its timeline entry", async () => {
    const db = t.database.client;
    const org = await createOrganization(db);
    const at = new Date("2026-01-01T10:00:00Z");
    const call = await db.call.create({
      data: {
        organizationId: org.id,
        pbxCallId: "1700000000.1",
        direction: "inbound",
        state: "ringing",
        fromNumber: "+15551230000",
        toNumber: "102",
        startedAt: at,
        events: { create: { organizationId: org.id, kind: "started", at, detail: "Call from +15551230000" } }
      }
    });
    const step = (state: "ringing" | "answered" | "on_hold" | "ended", kind: string) =>
      db.call.update({ where: { id: call.id }, data: { state, events: { create: { organizationId: org.id, kind, at, detail: kind } } } });
    await step("ringing", "ringing");
    await db.call.update({ where: { id: call.id }, data: { queue: "sales" } });
    await step("answered", "answered");
    await step("on_hold", "held");
    await step("answered", "resumed");
    await step("ended", "ended");

    const events = await eventsOf(org.id);
    expect(events.map((e) => e.type)).toEqual(["call.started", "call.ringing", "call.updated", "call.answered", "call.held", "call.resumed", "call.ended"]);
    expect(events.map((e) => Number(e.seq))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(events.every((e) => e.subjectKind === "call" && e.subjectId === call.id)).toBe(true);
    const held = events[4]?.data as { state: string; entry: { kind: string } };
    expect(held.state).toBe("on_hold");
    expect(held.entry.kind).toBe("held");
  });

  it("announces status rows as their extension's status, and nothing when they are deleted", async () => {
    const db = t.database.client;
    const org = await createOrganization(db);
    const ext = await createExtensionRow(db, t.box, org.id, "102");
    const changedAt = new Date();
    await db.extensionStatus.upsert({
      where: { extensionId: ext.id },
      create: { organizationId: org.id, extensionId: ext.id, registration: "registered", deviceState: "idle", changedAt },
      update: { registration: "registered", deviceState: "idle", changedAt }
    });
    await db.extensionStatus.upsert({
      where: { extensionId: ext.id },
      create: { organizationId: org.id, extensionId: ext.id, registration: "registered", deviceState: "ringing", changedAt },
      update: { deviceState: "ringing", changedAt }
    });
    await db.extensionStatus.delete({ where: { extensionId: ext.id } });

    const events = (await eventsOf(org.id)).filter((e) => e.type !== "extension.created");
    expect(events.map((e) => [e.type, e.subjectKind, e.subjectId])).toEqual([
      ["extension.status_changed", "extension", ext.id],
      ["extension.status_changed", "extension", ext.id]
    ]);
    expect((events[1]?.data as { deviceState: string }).deviceState).toBe("ringing");
  });

  it("rolls the event back with a failed call write", async () => {
    const db = t.database.client;
    const org = await createOrganization(db);
    const data = {
      organizationId: org.id,
      pbxCallId: "dup",
      direction: "internal" as const,
      state: "ringing" as const,
      fromNumber: "101",
      toNumber: "102",
      startedAt: new Date()
    };
    await db.call.create({ data });
    await expect(db.$transaction(async (tx) => tx.call.create({ data }))).rejects.toThrow();
    expect((await eventsOf(org.id)).map((e) => e.type)).toEqual(["call.started"]);
  });
});
