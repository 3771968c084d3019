import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "../client/create-client";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld } from "../testing/ticket-test-world";
import type { TicketOrg } from "../testing/ticket-world";
import type { ServiceDeps } from "./extensions";
import { currentSeq } from "./org";
import { readOrgSnapshot } from "./snapshot";
import { createTicket } from "./tickets-create";
import { getTicket, listTickets } from "./tickets";
import { ticketQuery } from "../testing/edge-input";

let t: TestDatabase;
let deps: ServiceDeps;
let w: TicketOrg;
// A second pool: its writes commit on their own, like another request's, never in the snapshot's transaction.
let elsewhere: Database;
let elsewhereDeps: ServiceDeps;

beforeAll(async () => {
  ({ t, deps, orgA: w } = await createTicketTestWorld());
  elsewhere = createDatabase({ kind: "postgres", url: t.url, poolSize: 2 });
  elsewhereDeps = { db: elsewhere.client, box: t.box };
  await createTicket(deps, w.customer, { subject: "Before the snapshot", body: "first", officeId: w.supportId });
});
afterAll(async () => {
  await elsewhere?.close();
  await t?.drop();
});

/**
 * Opens a ticket as another request would: on another pool and outside the snapshot's async
 * context (the ambient transaction is tracked per async context, so a call made from inside the
 * snapshot's callback would join it), once `start` is called; resolves with the seq after it.
 */
function openElsewhere(subject: string): { start: () => Promise<number> } {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const committed = gate.then(async () => {
    await createTicket(elsewhereDeps, w.customer, { subject, body: "concurrent", officeId: w.supportId });
    return currentSeq(elsewhere.client, w.orgId);
  });
  return {
    start: () => {
      release();
      return committed;
    }
  };
}

describe("readOrgSnapshot", () => {
  it("returns data exactly as of its seq while another write commits in the middle of the read", async () => {
    const before = await currentSeq(deps.db, w.orgId);
    const writer = openElsewhere("Committed during the snapshot");
    let committedSeq = 0;
    const snapshot = await readOrgSnapshot(deps.db, w.orgId, async () => {
      // The seq has been read; now another request's ticket commits before the data is read.
      committedSeq = await writer.start();
      return listTickets(deps, w.supervisor, ticketQuery());
    });
    expect(committedSeq).toBeGreaterThan(before);
    expect(snapshot.seq).toBe(before);
    // Read outside the transaction, the list would already hold the new ticket while seq says it is not there yet.
    expect(snapshot.data.data.map((v) => v.subject)).toEqual(["Before the snapshot"]);
    const after = await readOrgSnapshot(deps.db, w.orgId, () => listTickets(deps, w.supervisor, ticketQuery()));
    expect(after.seq).toBe(committedSeq);
    expect(after.data.total).toBe(2);
  });

  it("keeps one snapshot across several service calls run concurrently", async () => {
    const first = (await listTickets(deps, w.supervisor, ticketQuery({ sort: "number", dir: "asc" }))).data[0];
    if (!first) throw new Error("no ticket to read");
    const writer = openElsewhere("Another concurrent one");
    const snapshot = await readOrgSnapshot(deps.db, w.orgId, async () => {
      const seen = await currentSeq(deps.db, w.orgId);
      const [, list, detail] = await Promise.all([writer.start(), listTickets(deps, w.supervisor, ticketQuery()), getTicket(deps, w.supervisor, first.id)]);
      return { seen, list, detail };
    });
    expect(snapshot.data.seen).toBe(snapshot.seq);
    expect(snapshot.data.list.total).toBe(2);
    expect(snapshot.data.detail.ticket.id).toBe(first.id);
    expect(await currentSeq(deps.db, w.orgId)).toBeGreaterThan(snapshot.seq);
  });
});
