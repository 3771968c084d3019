import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RULES } from "@switchboard/auth";
import { createExtensionRow } from "../seed/factories";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import type { TicketOrg } from "../testing/ticket-world";
import type { ServiceDeps } from "./extensions";
import { findControllableCall, isPbxConnected, checkTransferTarget } from "./calls-control";

let t: TestDatabase;
let deps: ServiceDeps;
let w: TicketOrg;
let other: TicketOrg;
const calls: Record<"live" | "foreign", { id: string; pbxCallId: string }> = { live: { id: "", pbxCallId: "" }, foreign: { id: "", pbxCallId: "" } };

async function addCall(orgId: string): Promise<{ id: string; pbxCallId: string }> {
  const pbxCallId = `call-${randomUUID()}`;
  const row = await deps.db.call.create({
    data: { organizationId: orgId, pbxCallId, direction: "inbound", state: "answered", fromNumber: "+15551230000", toNumber: "101", startedAt: new Date() }
  });
  return { id: row.id, pbxCallId };
}

async function connect(orgId: string, values: { enabled: boolean; status: "connected" | "disconnected" }): Promise<void> {
  await deps.db.pbxConnection.upsert({
    where: { organizationId: orgId },
    create: { organizationId: orgId, host: "pbx.test", username: "ami", secretEnc: "x", secretHint: "…x", ...values },
    update: values
  });
}

beforeAll(async () => {
  ({ t, deps, orgA: w, orgB: other } = await createTicketTestWorld());
  calls.live = await addCall(w.orgId);
  calls.foreign = await addCall(other.orgId);
  await createExtensionRow(deps.db, t.box, w.orgId, "201");
  await createExtensionRow(deps.db, t.box, other.orgId, "301");
  await createExtensionRow(deps.db, t.box, w.orgId, "202", { enabled: false });
});
afterAll(() => t?.drop());

describe("call control reads", () => {
  it("find the viewer's organization's call for admins and supervisors, nothing of another organization's", async () => {
    for (const viewer of [w.admin, w.supervisor])
      expect(await findControllableCall(deps, viewer, calls.live.id)).toEqual({ pbxCallId: calls.live.pbxCallId, state: "answered" });
    expect(await findControllableCall(deps, w.admin, calls.foreign.id)).toBeNull();
    expect(await findControllableCall(deps, w.admin, randomUUID())).toBeNull();
    expect(await findControllableCall(deps, w.admin, "not-a-uuid")).toBeNull();
  });

  it("know transfer targets by number within the organization only, and refuse disabled extensions", async () => {
    expect(await checkTransferTarget(deps, w.supervisor, "201")).toBe("ok");
    expect(await checkTransferTarget(deps, w.supervisor, "301")).toBe("missing");
    expect(await checkTransferTarget(deps, other.admin, "301")).toBe("ok");
    expect(await checkTransferTarget(deps, w.supervisor, "202")).toBe("disabled");
  });

  it("see the PBX as connected only with an enabled, connected AMI session of the viewer's organization", async () => {
    expect(await isPbxConnected(deps, w.admin)).toBe(false);
    await connect(other.orgId, { enabled: true, status: "connected" });
    expect(await isPbxConnected(deps, w.admin)).toBe(false);
    await connect(w.orgId, { enabled: false, status: "connected" });
    expect(await isPbxConnected(deps, w.admin)).toBe(false);
    await connect(w.orgId, { enabled: true, status: "disconnected" });
    expect(await isPbxConnected(deps, w.admin)).toBe(false);
    await connect(w.orgId, { enabled: true, status: "connected" });
    expect(await isPbxConnected(deps, w.admin)).toBe(true);
  });

  it("refuse agents and customers before reading anything", async () => {
    for (const viewer of [w.ana, w.customer]) {
      for (const read of [findControllableCall(deps, viewer, calls.live.id), checkTransferTarget(deps, viewer, "201"), isPbxConnected(deps, viewer)]) {
        const error = await rejectionOf(read);
        expect(error.code).toBe("forbidden");
        expect(error.message).toBe(RULES.controlCalls.denial);
      }
    }
  });
});
