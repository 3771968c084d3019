import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, extensionData } from "../seed/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import type { PendingEvent } from "./outbox-batch";

let t: TestDatabase;

// One connection: a transaction left open by a failed COMMIT would break the next one.
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 1 });
  await t.database.raw.$executeRawUnsafe(`
    CREATE FUNCTION refuse_marked_event() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.data->>'displayName' = 'refused' THEN RAISE EXCEPTION 'outbox row refused by the test'; END IF;
      RETURN NEW;
    END $$`);
  await t.database.raw.$executeRawUnsafe(
    "CREATE TRIGGER refuse_marked_event BEFORE INSERT ON outbox_events FOR EACH ROW EXECUTE FUNCTION refuse_marked_event()"
  );
});
afterAll(() => t.drop());

describe("outbox rows written with COMMIT", () => {
  it("a refused insert rolls the whole transaction back, announces nothing and leaves the connection usable", async () => {
    const db = t.database.client;
    const org = await createOrganization(db);
    const ext = await db.extension.create({ data: extensionData(t.box, org.id, "1") });
    const announced: PendingEvent[] = [];
    const onCommitted = (events: PendingEvent[]) => announced.push(...events);
    t.database.notifier.on("committed", onCommitted);
    try {
      const refused = db.$transaction(async (tx) => {
        await tx.extension.update({ where: { id: ext.id }, data: { displayName: "kept only if committed" } });
        await tx.extension.update({ where: { id: ext.id }, data: { displayName: "refused" } });
      });
      await expect(refused).rejects.toThrow(/refused by the test/);
      expect(announced).toEqual([]);
      const row = await t.database.raw.extension.findUniqueOrThrow({ where: { id: ext.id } });
      expect(row.displayName).toBe(ext.displayName);
      expect(await t.database.raw.outboxEvent.count({ where: { organizationId: org.id, type: "extension.updated" } })).toBe(0);

      // The same (only) connection takes the next hooked write, which gets the next seq.
      await db.extension.update({ where: { id: ext.id }, data: { displayName: "after" } });
      expect(announced.map((e) => [e.type, e.seq])).toEqual([["extension.updated", 2]]);
    } finally {
      t.database.notifier.off("committed", onCommitted);
    }
  });
});
