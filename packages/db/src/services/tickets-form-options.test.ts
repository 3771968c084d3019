import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "@switchboard/auth";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import type { TicketOrg } from "../testing/ticket-world";
import type { ServiceDeps } from "./extensions";
import { findCallSummary, listCustomerOptions } from "./tickets-form-options";

let t: TestDatabase;
let deps: ServiceDeps;
let w: TicketOrg;
let other: TicketOrg;
const calls: Record<"own" | "foreign", string> = { own: "", foreign: "" };
const STARTED = new Date("2026-03-04T05:06:07.000Z");

async function addCall(orgId: string, fromName: string | null): Promise<string> {
  const row = await deps.db.call.create({
    data: {
      organizationId: orgId,
      pbxCallId: `call-${randomUUID()}`,
      direction: "inbound",
      state: "ended",
      result: "answered",
      fromNumber: "+15551230000",
      fromName,
      toNumber: "101",
      extensionIds: [],
      startedAt: STARTED
    }
  });
  return row.id;
}

beforeAll(async () => {
  ({ t, deps, orgA: w, orgB: other } = await createTicketTestWorld());
  calls.own = await addCall(w.orgId, "Carla Caller");
  calls.foreign = await addCall(other.orgId, null);
});
afterAll(() => t?.drop());

describe("listCustomerOptions", () => {
  it("gives staff their organization's customers by name, never staff or another organization's", async () => {
    const expected = [w.customer, w.otherCustomer].map((u) => ({ id: u.id, name: u.name, email: u.email })).sort((a, b) => a.name.localeCompare(b.name));
    for (const viewer of [w.ana, w.cy, w.supervisor, w.admin]) expect(await listCustomerOptions(deps, viewer)).toEqual(expected);
    expect((await listCustomerOptions(deps, other.ana)).map((c) => c.id).sort()).toEqual([other.customer.id, other.otherCustomer.id].sort());
  });

  it("refuses customers: they open tickets for themselves", async () => {
    const error = await rejectionOf(listCustomerOptions(deps, w.customer));
    expect(error.code).toBe("forbidden");
    expect(error.message).toBe(RULES.openTicketsOnBehalf.denial);
  });
});

describe("findCallSummary", () => {
  it("summarizes a call of the viewer's organization for staff", async () => {
    expect(await findCallSummary(deps, w.ana, calls.own)).toEqual({
      id: calls.own,
      direction: "inbound",
      fromNumber: "+15551230000",
      fromName: "Carla Caller",
      toNumber: "101",
      startedAt: STARTED.toISOString()
    });
  });

  it("finds nothing for another organization's call, an unknown id or no uuid at all", async () => {
    expect(await findCallSummary(deps, w.admin, calls.foreign)).toBeNull();
    expect(await findCallSummary(deps, w.admin, randomUUID())).toBeNull();
    expect(await findCallSummary(deps, w.admin, "not-a-uuid")).toBeNull();
    expect((await findCallSummary(deps, other.ana, calls.foreign))?.fromName).toBeNull();
  });

  it("refuses roles that cannot see calls", async () => {
    const error = await rejectionOf(findCallSummary(deps, w.customer, calls.own));
    expect(error.code).toBe("forbidden");
    expect(error.message).toBe(RULES.readCalls.denial);
  });
});
