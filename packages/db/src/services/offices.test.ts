import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbClient } from "../client/create-client";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import { type TicketOrg } from "../testing/ticket-world";
import type { ServiceDeps } from "./extensions";
import { isStaleVersionError } from "./versioned";
import { createOffice, deleteOffice, getOffice, listOfficeRecords, listOffices, officeIdsOf, renameOffice, setOfficeMembers } from "./offices";
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
});

describe("office changes", () => {
  it("renames (refusing a stale version and a taken name), and announces it", async () => {
    const office = await createOffice(deps, w.admin, { name: "Returns" });
    expect((await rejectionOf(renameOffice(deps, w.supervisor, office.id, { name: "X" }))).code).toBe("forbidden");
    const renamed = await renameOffice(deps, w.admin, office.id, { name: "Refunds", version: office.version });
    expect(renamed).toMatchObject({ name: "Refunds", version: office.version + 1 });
    const stale = await rejectionOf(renameOffice(deps, w.admin, office.id, { name: "Again", version: office.version }));
    expect([stale.code, Object.keys(stale.fields ?? {})]).toEqual(["conflict", ["version"]]);
    expect(isStaleVersionError(stale) && stale.current).toEqual({ version: office.version + 1, changedBy: w.admin.name });
    expect((await rejectionOf(renameOffice(deps, w.admin, office.id, { name: "Support" }))).fields).toEqual({
      name: "an office with this name already exists"
    });
    expect((await rejectionOf(renameOffice(deps, other.admin, office.id, { name: "Mine" }))).message).toBe("office not found");
    const events = await db.outboxEvent.findMany({ where: { subjectId: office.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["office.created", "office.updated"]);
    expect((events[1]?.data as { changes?: unknown }).changes).toEqual({ name: { from: "Returns", to: "Refunds" } });
  });

  it("refuses to delete an office while tickets or members belong to it, saying what is left", async () => {
    const office = await createOffice(deps, w.admin, { name: "Temporary" });
    await setOfficeMembers(deps, w.admin, office.id, { userIds: [w.cy.id] });
    const { ticket } = await createTicket(deps, w.admin, { subject: "Held", body: "here", officeId: office.id });
    const both = await rejectionOf(deleteOffice(deps, w.admin, office.id));
    expect([both.code, both.message]).toEqual(["conflict", "Temporary still has 1 ticket and 1 member; move them to another office first"]);
    await db.ticket.update({ where: { id: ticket.id }, data: { officeId: null } });
    expect((await rejectionOf(deleteOffice(deps, w.admin, office.id))).message).toBe("Temporary still has 1 member; remove them from it first");
    await setOfficeMembers(deps, w.admin, office.id, { userIds: [] });
    expect(await deleteOffice(deps, w.admin, office.id)).toEqual({ id: office.id });
    expect((await rejectionOf(getOffice(deps, w.admin, office.id))).message).toBe("office not found");
    expect((await db.outboxEvent.findFirst({ where: { subjectId: office.id, type: "office.deleted" } }))?.data).toEqual({ id: office.id, label: "Temporary" });
  });

  it("refuses a members change based on a stale version, naming who changed the office", async () => {
    const office = await createOffice(deps, w.admin, { name: "Weekend desk" });
    const renamed = await renameOffice(deps, w.admin, office.id, { name: "Weekend help", version: office.version });
    const stale = await rejectionOf(setOfficeMembers(deps, w.admin, office.id, { userIds: [w.ana.id], version: office.version }));
    expect(isStaleVersionError(stale) && stale.current).toEqual({ version: renamed.version, changedBy: w.admin.name });
    expect(await db.officeMember.count({ where: { officeId: office.id } })).toBe(0);
    const saved = await setOfficeMembers(deps, w.admin, office.id, { userIds: [w.ana.id], version: renamed.version });
    expect(saved).toMatchObject({ memberIds: [w.ana.id], version: renamed.version + 1 });
  });

  it("announces a membership change on the office and on every user who joined or left", async () => {
    const office = await createOffice(deps, w.admin, { name: "Night shift" });
    const before = await db.outboxEvent.count({ where: { organizationId: w.orgId } });
    await setOfficeMembers(deps, w.admin, office.id, { userIds: [w.ana.id, w.bo.id] });
    await setOfficeMembers(deps, w.admin, office.id, { userIds: [w.bo.id] });
    const events = await db.outboxEvent.findMany({ where: { organizationId: w.orgId }, orderBy: { seq: "asc" }, skip: before });
    expect(events.map((e) => `${e.type}:${e.subjectId === office.id ? "office" : e.subjectId === w.ana.id ? "ana" : "bo"}`).sort()).toEqual(
      ["user.updated:ana", "user.updated:bo", "office.updated:office", "user.updated:ana", "office.updated:office"].sort()
    );
    const changes = events.filter((e) => e.type === "office.updated").map((e) => (e.data as { changes?: unknown }).changes);
    expect(changes).toEqual([{ memberIds: { from: [], to: [w.ana.id, w.bo.id].sort() } }, { memberIds: { from: [w.ana.id, w.bo.id].sort(), to: [w.bo.id] } }]);
    const records = await listOfficeRecords(deps, w.customer);
    expect(records.find((r) => r.id === office.id)).toMatchObject({ memberIds: [], ticketCount: 0 });
  });
});
