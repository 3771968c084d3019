import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extensionCreateSchema, pickableStaff } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import type { TicketOrg } from "../testing/ticket-world";
import { createExtension, updateExtension, type ServiceDeps } from "./extensions";
import { setOfficeMembers } from "./offices";
import { listOrgStaff } from "./org";
import { updateTicket } from "./tickets-change";
import { createTicket } from "./tickets-create";

/**
 * Deactivated staff keep their history (tickets, extensions and offices they had) but are given no
 * new work: pickers leave them out and every service refuses them as a new assignee, owner or member.
 */
let t: TestDatabase;
let db: DbClient;
let deps: ServiceDeps;
let w: TicketOrg;
let anaExtension: { id: string };
let anaTicket: { id: string };

const extensionInput = (n: number, userId?: string) =>
  extensionCreateSchema.parse({ number: `7${n}0`, displayName: `Desk ${n}`, sipUsername: `desk${n}`, sipSecret: "a-long-enough-secret", userId });

beforeAll(async () => {
  ({ t, db, deps, orgA: w } = await createTicketTestWorld());
  anaExtension = await createExtension(deps, w.admin, extensionInput(1, w.ana.id));
  anaTicket = (await createTicket(deps, w.admin, { subject: "Headset", body: "Crackles", officeId: w.supportId, assigneeId: w.ana.id })).ticket;
  // Ana (Support, an extension, a ticket) and Cy (nothing) leave the team.
  await db.user.updateMany({ where: { id: { in: [w.ana.id, w.cy.id] } }, data: { status: "deactivated" } });
});
afterAll(() => t?.drop());

describe("deactivated staff", () => {
  it("are flagged in the staff list; pickers offer them only where they are chosen already", async () => {
    const staff = await listOrgStaff(db, w.admin);
    expect(staff.filter((u) => u.deactivated).map((u) => u.name)).toEqual([w.ana.name, w.cy.name]);
    expect(pickableStaff(staff).map((u) => u.id)).not.toContain(w.cy.id);
    expect(pickableStaff(staff, [w.ana.id]).map((u) => u.id)).toEqual(expect.arrayContaining([w.ana.id, w.admin.id]));
    expect(pickableStaff(staff, [w.ana.id]).map((u) => u.id)).not.toContain(w.cy.id);
  });

  it("are not assigned new tickets, and a ticket they hold can still be worked", async () => {
    const tickets = await db.ticket.count();
    const created = await rejectionOf(createTicket(deps, w.admin, { subject: "x", body: "y", assigneeId: w.cy.id }));
    expect(created.fields).toEqual({ assigneeId: `${w.cy.name} is deactivated` });
    expect(await db.ticket.count()).toBe(tickets);

    const assigned = await rejectionOf(updateTicket(deps, w.admin, anaTicket.id, { assigneeId: w.cy.id, priority: "high" }));
    expect(assigned.message).toBe(`${w.cy.name} is deactivated and cannot be assigned tickets`);
    const unchanged = await db.ticket.findUniqueOrThrow({ where: { id: anaTicket.id } });
    expect(unchanged).toMatchObject({ assigneeId: w.ana.id, priority: "normal" });

    const worked = await updateTicket(deps, w.admin, anaTicket.id, { priority: "high" });
    expect(worked.ticket).toMatchObject({ priority: "high" });
    expect(worked.ticket.view === "staff" && worked.ticket.assigneeId).toBe(w.ana.id);
  });

  it("are not given an extension, and keep the one they have while it is edited", async () => {
    const refused = await rejectionOf(createExtension(deps, w.admin, extensionInput(2, w.cy.id)));
    expect(refused.fields).toEqual({ userId: `${w.cy.name} is deactivated` });
    expect(await db.extension.count({ where: { number: "720" } })).toBe(0);

    const kept = await updateExtension(deps, w.admin, anaExtension.id, { displayName: "Ana's old desk", userId: w.ana.id });
    expect(kept).toMatchObject({ displayName: "Ana's old desk", userId: w.ana.id });
    const moved = await rejectionOf(updateExtension(deps, w.admin, anaExtension.id, { userId: w.cy.id }));
    expect(moved.fields).toEqual({ userId: `${w.cy.name} is deactivated` });
  });

  it("join no office, and stay in the ones they had until removed", async () => {
    const refused = await rejectionOf(setOfficeMembers(deps, w.admin, w.supportId, { userIds: [w.ana.id, w.bo.id, w.cy.id] }));
    expect(refused.message).toBe(`${w.cy.name} is deactivated and cannot join an office`);
    expect((await db.officeMember.findMany({ where: { officeId: w.supportId } })).map((m) => m.userId)).toEqual([w.ana.id]);

    const kept = await setOfficeMembers(deps, w.admin, w.supportId, { userIds: [w.ana.id, w.bo.id] });
    expect([...kept.memberIds].sort()).toEqual([w.ana.id, w.bo.id].sort());
  });
});
