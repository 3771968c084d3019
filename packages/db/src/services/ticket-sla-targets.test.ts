import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SLA_HOURS, organizationUpdateSchema, type TicketDetail } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import type { TicketOrg } from "../testing/ticket-world";
import type { ServiceDeps } from "./extensions";
import { getOrganization, updateOrganization } from "./organizations";
import { parseInput } from "./parse-input";
import { createTicket } from "./tickets-create";
import { updateTicket } from "./tickets-change";

let t: TestDatabase;
let db: DbClient;
let deps: ServiceDeps;
let w: TicketOrg;
let other: TicketOrg;

beforeAll(async () => {
  ({ t, db, deps, orgA: w, orgB: other } = await createTicketTestWorld());
});
afterAll(() => t?.drop());

/** Hours from a ticket's opening to its SLA due time. */
function hoursDue(ticket: TicketDetail["ticket"]): number {
  if (ticket.view !== "staff") throw new Error("staff view expected");
  return (Date.parse(ticket.slaDueAt) - Date.parse(ticket.createdAt)) / 3_600_000;
}

const open = async (org: TicketOrg, priority: "urgent" | "normal") =>
  (await createTicket(deps, org.admin, { subject: "Trunk down", body: "No inbound calls", officeId: org.supportId, priority })).ticket;

describe("an organization's ticket response targets", () => {
  it("start at the defaults, and once an admin sets them, new tickets and priority changes are due by them; other organizations keep theirs", async () => {
    expect((await getOrganization(db, w.orgId)).slaHours).toEqual(DEFAULT_SLA_HOURS);
    const before = await open(w, "normal");
    const slaHours = { urgent: 1, high: 2, normal: 6, low: 48 };
    expect(await updateOrganization({ db }, w.admin, parseInput(organizationUpdateSchema, { slaHours }))).toMatchObject({ slaHours });

    expect(hoursDue(await open(w, "urgent"))).toBe(1);
    expect(hoursDue(await open(w, "normal"))).toBe(6);
    // A due time already set stays; a priority change takes the new target.
    expect(hoursDue(before)).toBe(DEFAULT_SLA_HOURS.normal);
    const raised = await updateTicket(deps, w.admin, before.id, { priority: "urgent" });
    expect(hoursDue(raised.ticket)).toBe(1);
    expect(hoursDue(await open(other, "urgent"))).toBe(DEFAULT_SLA_HOURS.urgent);
  });

  it("are refused when not whole hours from 1 to 2160, or when a more urgent priority would wait longer; only admins set them", async () => {
    const update = (slaHours: Record<string, unknown>) =>
      rejectionOf(Promise.resolve().then(() => updateOrganization({ db }, other.admin, parseInput(organizationUpdateSchema, { slaHours }))));
    expect((await update({ urgent: 0, high: 8, normal: 24, low: 72 })).fields).toEqual({ slaHours: "urgent target must be 1–2160 hours" });
    expect((await update({ urgent: 4, high: 8, normal: 24.5, low: 72 })).fields).toEqual({ slaHours: "normal target must be whole hours" });
    expect((await update({ urgent: 4, high: 8, normal: 24, low: 3000 })).fields).toEqual({ slaHours: "low target must be 1–2160 hours" });
    expect((await update({ urgent: 12, high: 8, normal: 24, low: 72 })).fields).toEqual({
      slaHours: "urgent target must not be longer than high's (8 h)"
    });
    expect((await update({ urgent: 4, high: 8, normal: 24 })).fields).toEqual({ slaHours: expect.stringContaining("low") });
    expect((await rejectionOf(updateOrganization({ db }, other.supervisor, { slaHours: DEFAULT_SLA_HOURS }))).code).toBe("forbidden");
    expect((await getOrganization(db, other.orgId)).slaHours).toEqual(DEFAULT_SLA_HOURS);
  });
});
