import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "../client/create-client";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import { type TicketOrg } from "../testing/ticket-world";
import type { ServiceDeps } from "./extensions";
import { createOffice, findOfficeOrgId, listOffices, officeIdsOf, setOfficeMembers } from "./offices";
import { findTicketAccess } from "./tickets-access";
import { createTicket } from "./tickets-create";
import { listTickets } from "./tickets";
import { ticketQuery } from "../testing/edge-input";

let t: TestDatabase;
let db: DbClient;
let deps: ServiceDeps;
let w: TicketOrg;
let other: TicketOrg;

beforeAll(async () => {
  ({ t, db, deps, orgA: w, orgB: other } = await createTicketTestWorld());
});
afterAll(() => t.drop());

describe("offices", () => {
  it("lists offices to everyone, members only to staff", async () => {
    const staff = await listOffices(deps, w.ana);
    expect(staff.map((o) => [o.name, o.memberIds])).toEqual([
      ["Sales", [w.bo.id]],
      ["Support", [w.ana.id]]
    ]);
    expect((await listOffices(deps, w.customer)).map((o) => o.memberIds)).toEqual([[], []]);
  });

  it("lets admins create offices and set members (staff of the organization only)", async () => {
    expect((await rejectionOf(createOffice(deps, w.supervisor, { name: "Billing" }))).code).toBe("forbidden");
    const billing = await createOffice(deps, w.admin, { name: "Billing" });
    expect((await rejectionOf(createOffice(deps, w.admin, { name: "Billing" }))).code).toBe("conflict");
    expect((await rejectionOf(setOfficeMembers(deps, w.admin, billing.id, { userIds: [w.customer.id] }))).fields).toHaveProperty("userIds");
    expect((await rejectionOf(setOfficeMembers(deps, w.admin, billing.id, { userIds: [other.ana.id] }))).code).toBe("bad_request");
    expect((await rejectionOf(setOfficeMembers(deps, other.admin, billing.id, { userIds: [] }))).code).toBe("not_found");
    await createTicket(deps, w.admin, { subject: "Refund", body: "Please", officeId: billing.id });
    expect((await listTickets(deps, w.cy, ticketQuery())).total).toBe(0);
    expect((await setOfficeMembers(deps, w.admin, billing.id, { userIds: [w.cy.id, w.ana.id] })).memberIds.sort()).toEqual([w.cy.id, w.ana.id].sort());
    // Membership applies on the next request.
    expect((await listTickets(deps, w.cy, ticketQuery())).data.map((v) => v.subject)).toEqual(["Refund"]);
    expect(await officeIdsOf(db, w.ana.id)).toEqual([w.supportId, billing.id].sort());
    await setOfficeMembers(deps, w.admin, billing.id, { userIds: [w.ana.id] });
    expect((await listTickets(deps, w.cy, ticketQuery())).total).toBe(0);
  });

  it("looks up what the realtime server needs to decide on room joins", async () => {
    const { ticket } = await createTicket(deps, w.customer, { subject: "Room", body: "Join me", officeId: w.salesId });
    expect(await findTicketAccess(db, ticket.id)).toEqual({ orgId: w.orgId, officeId: w.salesId, customerId: w.customer.id, assigneeId: null });
    expect(await findTicketAccess(db, randomUUID())).toBeNull();
    expect(await findTicketAccess(db, "nope")).toBeNull();
    expect(await findOfficeOrgId(db, w.supportId)).toBe(w.orgId);
    expect(await findOfficeOrgId(db, "nope")).toBeUndefined();
  });
});
