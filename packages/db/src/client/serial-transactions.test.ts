import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "./create-client";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { createTicketOrg, type TicketOrg } from "../testing/ticket-world";
import { createTicket } from "../services/tickets-create";
import { listTickets } from "../services/tickets";
import { Prisma } from "../generated/prisma/client";
import { ticketQuery } from "../testing/edge-input";

let t: TestDatabase;
let db: DbClient;
let w: TicketOrg;

// Watches (never replaces) pg: how many of the code's statements each connection has been handed
// and not yet answered (BEGIN and COMMIT, written with the first and the last of them, aside).
const original = pg.Client.prototype.query;
const inFlight = new Map<object, number>();
let mostAtOnce = 0;
function watchConnections(): void {
  mostAtOnce = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    if (args[0] === "BEGIN" || args[0] === "COMMIT") return (original as (...a: unknown[]) => unknown).apply(this, args);
    const now = (inFlight.get(this) ?? 0) + 1;
    inFlight.set(this, now);
    mostAtOnce = Math.max(mostAtOnce, now);
    const settle = () => inFlight.set(this, (inFlight.get(this) ?? 1) - 1);
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) result.then(settle, settle);
    else settle();
    return result;
  } as typeof original;
}

beforeAll(async () => {
  t = await createTestDatabase();
  db = t.database.client;
  w = await createTicketOrg(db, "A");
});
afterEach(() => {
  pg.Client.prototype.query = original;
});
afterAll(() => t?.drop());

describe("interactive transactions on PostgreSQL", () => {
  it("hand their connection one statement at a time, however many the code starts at once", async () => {
    watchConnections();
    // A write with includes (Prisma loads each relation concurrently) and reads started together.
    const created = await createTicket({ db, box: t.box }, w.customer, { subject: "Headset", body: "crackles", officeId: w.supportId });
    const [list, count, users] = await db.$transaction(
      async () =>
        Promise.all([
          listTickets({ db, box: t.box }, w.supervisor, ticketQuery()),
          db.ticket.count({ where: { organizationId: w.orgId } }),
          db.user.findMany({ where: { organizationId: w.orgId }, include: { officeMemberships: true } })
        ]),
      { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead }
    );
    expect(list.data.map((v) => v.id)).toEqual([created.ticket.id]);
    expect(count).toBe(1);
    expect(users).toHaveLength(7);
    expect(mostAtOnce).toBe(1);
  });

  it("still roll back as one when a statement fails while others wait their turn", async () => {
    const before = await db.office.count({ where: { organizationId: w.orgId } });
    const failed = await db
      .$transaction(async () => {
        await Promise.all([
          db.office.create({ data: { organizationId: w.orgId, name: "Billing" } }),
          db.office.create({ data: { organizationId: w.orgId, name: "Support" } }),
          db.office.count({ where: { organizationId: w.orgId } })
        ]);
      })
      .then(
        () => null,
        (e: unknown) => e
      );
    expect(failed).toBeInstanceOf(Error);
    expect(await db.office.count({ where: { organizationId: w.orgId } })).toBe(before);
  });
});
