import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "../client/create-client";
import { extensionCreateSchema, trunkCreateSchema } from "@switchboard/contracts";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import type { TestDatabase } from "../testing/test-database";
import type { TicketOrg } from "../testing/ticket-world";
import { createExtension, deleteExtension, getExtension, updateExtension, type ServiceDeps } from "./extensions";
import { updateTicket } from "./tickets-change";
import { createTicket } from "./tickets-create";
import { createTrunk, deleteTrunk, updateTrunk } from "./trunks";
import { isStaleVersionError, type StaleVersionError } from "./versioned";

let t: TestDatabase;
let db: DbClient;
let deps: ServiceDeps;
let w: TicketOrg;
let n = 0;

beforeAll(async () => {
  ({ t, db, deps, orgA: w } = await createTicketTestWorld());
});
afterAll(() => t?.drop());

const newExtension = () => {
  n += 1;
  const input = extensionCreateSchema.parse({ number: `5${n}0`, displayName: `Desk ${n}`, sipUsername: `desk${n}`, sipSecret: "a-long-enough-secret" });
  return createExtension(deps, w.admin, input);
};

async function staleError(work: Promise<unknown>): Promise<StaleVersionError> {
  const error = await rejectionOf(work);
  expect(isStaleVersionError(error)).toBe(true);
  return error as StaleVersionError;
}

describe("versioned extensions", () => {
  it("starts at version 1 and bumps it on every update", async () => {
    const created = await newExtension();
    expect(created.version).toBe(1);
    const once = await updateExtension(deps, w.admin, created.id, { displayName: "Renamed" });
    const twice = await updateExtension(deps, w.supervisor, created.id, { enabled: false, version: 2 });
    expect([once.version, twice.version]).toEqual([2, 3]);
  });

  it("refuses an update based on an older version, naming who changed it and the current version, and writes nothing", async () => {
    const created = await newExtension();
    await updateExtension(deps, w.supervisor, created.id, { displayName: "Sam's name", version: 1 });
    const error = await staleError(updateExtension(deps, w.admin, created.id, { displayName: "Ada's name", version: 1 }));
    expect(error.code).toBe("conflict");
    expect(error.current).toEqual({ version: 2, changedBy: w.supervisor.name });
    expect(error.message).toMatch(
      new RegExp(`^extension ${created.number} was changed by ${w.supervisor.name} since you loaded it \\(your version 1, now 2\\)`)
    );
    expect(error.fields).toEqual({ version: error.message });
    expect((await getExtension(deps, w.admin, created.id)).displayName).toBe("Sam's name");
  });

  it("lets exactly one of two concurrent saves at the same version through", async () => {
    const created = await newExtension();
    const results = await Promise.allSettled([
      updateExtension(deps, w.admin, created.id, { displayName: "First", version: 1 }),
      updateExtension(deps, w.supervisor, created.id, { displayName: "Second", version: 1 })
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(isStaleVersionError(refused?.status === "rejected" ? refused.reason : null)).toBe(true);
    expect((await getExtension(deps, w.admin, created.id)).version).toBe(2);
  });

  it("without a version, an update applies as before (no check)", async () => {
    const created = await newExtension();
    await updateExtension(deps, w.supervisor, created.id, { displayName: "One" });
    expect((await updateExtension(deps, w.admin, created.id, { displayName: "Two" })).version).toBe(3);
  });

  it("says not found for an update or delete of an extension deleted meanwhile, with or without a version", async () => {
    const created = await newExtension();
    await deleteExtension(deps, w.supervisor, created.id);
    for (const work of [
      () => updateExtension(deps, w.admin, created.id, { displayName: "Too late", version: 1 }),
      () => updateExtension(deps, w.admin, created.id, { displayName: "Too late" }),
      () => deleteExtension(deps, w.admin, created.id, 1)
    ]) {
      const error = await rejectionOf(work);
      expect([error.code, error.message]).toEqual(["not_found", "extension not found"]);
    }
  });

  it("refuses a delete based on an older version and keeps the extension", async () => {
    const created = await newExtension();
    await updateExtension(deps, w.supervisor, created.id, { enabled: false });
    const error = await staleError(deleteExtension(deps, w.admin, created.id, 1));
    expect(error.current.version).toBe(2);
    expect((await getExtension(deps, w.admin, created.id)).enabled).toBe(false);
    await deleteExtension(deps, w.admin, created.id, 2);
  });

  it("records what an update changed in its event, before → after", async () => {
    const created = await newExtension();
    await updateExtension(deps, w.admin, created.id, { displayName: "Sales desk 1", enabled: false, version: 1 });
    const event = await db.outboxEvent.findFirstOrThrow({ where: { subjectId: created.id, type: "extension.updated" }, orderBy: { seq: "desc" } });
    expect((event.data as { changes: unknown }).changes).toEqual({
      displayName: { from: created.displayName, to: "Sales desk 1" },
      enabled: { from: true, to: false }
    });
    expect((event.data as { version: number }).version).toBe(2);
  });
});

describe("versioned trunks and tickets", () => {
  it("trunks: stale updates and deletes are refused, current ones pass", async () => {
    const trunk = await createTrunk(deps, w.admin, trunkCreateSchema.parse({ name: `Carrier ${++n}`, host: "sip.example.net" }));
    await updateTrunk(deps, w.admin, trunk.id, { maxChannels: 12, version: 1 });
    expect((await staleError(updateTrunk(deps, w.admin, trunk.id, { maxChannels: 40, version: 1 }))).current).toEqual({ version: 2, changedBy: w.admin.name });
    await staleError(deleteTrunk(deps, w.admin, trunk.id, 1));
    expect((await updateTrunk(deps, w.admin, trunk.id, { maxChannels: 40, version: 2 })).version).toBe(3);
  });

  it("tickets: a change based on an older version is refused as a whole", async () => {
    const { ticket } = await createTicket(deps, w.supervisor, { subject: "Versioned", body: "Body", officeId: w.supportId });
    expect(ticket.view === "staff" && ticket.version).toBe(1);
    await updateTicket(deps, w.ana, ticket.id, { priority: "high", version: 1 });
    const error = await staleError(updateTicket(deps, w.supervisor, ticket.id, { status: "pending", priority: "low", version: 1 }));
    expect(error.current).toEqual({ version: 2, changedBy: w.ana.name });
    const row = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect([row.status, row.priority, row.version]).toEqual(["open", "high", 2]);
    const next = await updateTicket(deps, w.supervisor, ticket.id, { status: "pending", version: 2 });
    expect(next.ticket.view === "staff" && next.ticket.version).toBe(3);
  });
});
