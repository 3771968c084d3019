import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOfOrgDay } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { createExtensionRow } from "../seed/factories";
import type { TestDatabase } from "../testing/test-database";
import { createTicketTestWorld, rejectionOf } from "../testing/ticket-test-world";
import type { TicketOrg } from "../testing/ticket-world";
import { configuredPauseReason, findAgentToChange, membershipsToChange } from "./agent-state";
import { addQueueOutcome } from "./queue-outcomes";
import { createPauseReason, createQueue, deletePauseReason, deleteQueue, updateQueue } from "./queues-admin";
import { listOwnMemberships, listQueueIntervals, listQueues, readWallboard } from "./queues-read";

let t: TestDatabase;
let db: DbClient;
let w: TicketOrg;
let other: TicketOrg;
const ext: Record<string, string> = {};
let otherExt = "";

beforeAll(async () => {
  ({ t, db, orgA: w, orgB: other } = await createTicketTestWorld());
  ext.ana = (await createExtensionRow(db, t.box, w.orgId, "102", { displayName: "Ana Agent", userId: w.ana.id, sipUsername: "ana102" })).id;
  ext.bo = (await createExtensionRow(db, t.box, w.orgId, "103", { displayName: "Bo Agent", userId: w.bo.id })).id;
  ext.desk = (await createExtensionRow(db, t.box, w.orgId, "104", { displayName: "Sales desk" })).id;
  otherExt = (await createExtensionRow(db, t.box, other.orgId, "102", { displayName: "Other Ana", userId: other.ana.id })).id;
});
afterAll(() => t.drop());

describe("queue management", () => {
  it("admins create, change and delete queues with members; every change is one queue.changed, stale saves are refused", async () => {
    expect(
      (
        await rejectionOf(
          createQueue({ db }, w.supervisor, { name: "x", strategy: "ringall", serviceLevelSeconds: 20, serviceLevelTarget: 80, wrapUpSeconds: 0, members: [] })
        )
      ).code
    ).toBe("forbidden");
    const base = { strategy: "rrmemory" as const, serviceLevelSeconds: 20, serviceLevelTarget: 80, wrapUpSeconds: 15 };
    const support = await createQueue({ db }, w.admin, { ...base, name: "support", number: "601", members: [{ extensionId: ext.ana ?? "", penalty: 0 }] });
    expect(support).toMatchObject({
      name: "support",
      number: "601",
      version: 1,
      members: [{ extensionNumber: "102", interface: "PJSIP/ana102", state: "logged_out" }]
    });
    expect((await rejectionOf(createQueue({ db }, w.admin, { ...base, name: "support", members: [] }))).fields).toEqual({
      name: "a queue with this name already exists"
    });
    const foreign = await rejectionOf(createQueue({ db }, w.admin, { ...base, name: "sales", members: [{ extensionId: otherExt, penalty: 0 }] }));
    expect(foreign.fields).toEqual({ "members.0.extensionId": "no such extension in your organization" });

    const { queue: changed, signedInRemoved } = await updateQueue({ db }, w.admin, support.id, {
      version: 1,
      serviceLevelSeconds: 30,
      members: [
        { extensionId: ext.ana ?? "", penalty: 2 },
        { extensionId: ext.bo ?? "", penalty: 0 }
      ]
    });
    expect(changed).toMatchObject({ version: 2, serviceLevelSeconds: 30 });
    expect(signedInRemoved).toEqual([]);
    expect(changed.members.map((m) => [m.extensionNumber, m.penalty])).toEqual([
      ["103", 0],
      ["102", 2]
    ]);
    const stale = await rejectionOf(updateQueue({ db }, w.admin, support.id, { version: 1, wrapUpSeconds: 0 }));
    expect(stale).toMatchObject({ code: "conflict", current: { version: 2, changedBy: w.admin.name } });
    expect(stale.message).toMatch(/^queue support was changed by .* since you loaded it \(your version 1, now 2\)/);
    expect((await rejectionOf(updateQueue({ db }, other.admin, support.id, { wrapUpSeconds: 0 }))).code).toBe("not_found");

    const events = await t.database.raw.outboxEvent.findMany({ where: { organizationId: w.orgId, subjectId: support.id }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.type, e.actorName])).toEqual([
      ["queue.changed", w.admin.name],
      ["queue.changed", w.admin.name]
    ]);
    expect((await listQueues({ db }, w.ana)).map((q) => q.name)).toEqual(["support"]);
    expect((await rejectionOf(listQueues({ db }, w.customer))).code).toBe("forbidden");

    const temp = await createQueue({ db }, w.admin, { ...base, name: "temp", members: [] });
    await deleteQueue({ db }, w.admin, temp.id);
    const deleted = await t.database.raw.outboxEvent.findFirstOrThrow({ where: { organizationId: w.orgId, type: "queue.deleted" } });
    expect(deleted.data).toEqual({ id: temp.id, label: "temp" });
  });

  it("pause reasons are the organization's own, once each whatever the case", async () => {
    const lunch = await createPauseReason({ db }, w.admin, { label: "Lunch" });
    expect((await rejectionOf(createPauseReason({ db }, w.admin, { label: "lunch" }))).fields).toEqual({ label: 'the pause reason "lunch" already exists' });
    expect((await rejectionOf(createPauseReason({ db }, w.supervisor, { label: "Break" }))).code).toBe("forbidden");
    expect(await configuredPauseReason({ db }, w.ana, "LUNCH")).toBe("Lunch");
    const missing = await rejectionOf(configuredPauseReason({ db }, w.ana, "Coffee"));
    expect(missing).toMatchObject({ code: "bad_request", message: 'pause reason "Coffee" is not configured for this organization' });
    expect(missing.fields).toEqual({ reason: 'pause reason "Coffee" is not configured for this organization' });
    expect((await rejectionOf(deletePauseReason({ db }, other.admin, lunch.id))).code).toBe("not_found");

    // Every pause menu follows: adding and removing a reason are events, as the admin who did it.
    const brb = await createPauseReason({ db }, w.admin, { label: "Back soon" });
    await deletePauseReason({ db }, w.admin, brb.id);
    const events = await t.database.raw.outboxEvent.findMany({ where: { organizationId: w.orgId, subjectKind: "pause_reason" }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.type, e.subjectId, e.actorName, e.data])).toEqual([
      ["pause_reason.created", lunch.id, w.admin.name, { id: lunch.id, label: "Lunch" }],
      ["pause_reason.created", brb.id, w.admin.name, { id: brb.id, label: "Back soon" }],
      ["pause_reason.deleted", brb.id, w.admin.name, { id: brb.id, label: "Back soon" }]
    ]);
  });
});

describe("agent state changes", () => {
  it("agents may change only their own state; supervisors anyone's in their organization; customers nobody's", async () => {
    expect((await findAgentToChange({ db }, w.ana, ext.ana ?? "")).number).toBe("102");
    expect(await rejectionOf(findAgentToChange({ db }, w.ana, ext.bo ?? ""))).toMatchObject({
      code: "forbidden",
      message: "agents may only change their own queue state"
    });
    expect((await rejectionOf(findAgentToChange({ db }, w.ana, ext.desk ?? ""))).code).toBe("forbidden");
    expect((await findAgentToChange({ db }, w.supervisor, ext.bo ?? "")).name).toBe("Bo Agent");
    expect((await rejectionOf(findAgentToChange({ db }, w.supervisor, otherExt))).code).toBe("not_found");
    expect((await rejectionOf(findAgentToChange({ db }, w.customer, ext.ana ?? ""))).code).toBe("forbidden");
    expect((await rejectionOf(findAgentToChange({ db }, w.supervisor, "not-an-id"))).code).toBe("not_found");
  });

  it("checks what the change needs: membership, signed in to pause, paused to resume", async () => {
    const ana = await findAgentToChange({ db }, w.ana, ext.ana ?? "");
    expect(membershipsToChange(ana, { action: "login" }).map((m) => m.queueName)).toEqual(["support"]);
    expect(() => membershipsToChange(ana, { action: "pause", reason: "Lunch" })).toThrow("Ana Agent is not signed in; sign in before pausing");
    expect(() => membershipsToChange(ana, { action: "logout" })).toThrow("Ana Agent is not signed in");
    expect(() => membershipsToChange(ana, { action: "login", queueId: "00000000-0000-4000-8000-000000000000" })).toThrow(
      "Ana Agent is not a member of this queue"
    );
    const desk = await findAgentToChange({ db }, w.supervisor, ext.desk ?? "");
    expect(() => membershipsToChange(desk, { action: "login" })).toThrow("Sales desk is not a member of any queue");
  });
});

describe("wallboard and outcomes", () => {
  it("reads today's queues, waiting callers and outcomes; history per 15 minutes; an agent's own memberships", async () => {
    const [support] = await listQueues({ db }, w.admin);
    if (!support) throw new Error("no queue");
    const now = new Date();
    await db.$transaction(async (tx) => {
      await addQueueOutcome(tx, {
        orgId: w.orgId,
        queueId: support.id,
        at: now,
        timeZone: "UTC",
        delta: { offered: 2, answered: 1, answeredWithinSl: 1, answeredWaitSeconds: 9 }
      });
      await addQueueOutcome(tx, { orgId: w.orgId, queueId: support.id, at: now, timeZone: "UTC", delta: { abandoned: 1, abandonedWaitSeconds: 30 } });
    });
    await db.queueCaller.create({
      data: { organizationId: w.orgId, queueId: support.id, channelId: "c-1", callerNumber: "+15550001", position: 1, joinedAt: now }
    });
    const board = await readWallboard({ db }, w.ana, now);
    expect(board.timeZone).toBe("UTC");
    expect(board.dayStart).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString());
    expect(board.today).toEqual([
      expect.objectContaining({ queueId: support.id, offered: 2, answered: 1, abandoned: 1, answeredWithinSl: 1, answeredWaitSeconds: 9 })
    ]);
    expect(board.quarters).toHaveLength(1);
    expect(board.waiting.map((c) => c.callerNumber)).toEqual(["+15550001"]);
    expect((await rejectionOf(readWallboard({ db }, w.customer))).code).toBe("forbidden");

    const history = await listQueueIntervals({ db }, w.ana, support.id, { kind: "quarter_hour" });
    expect(history.map((i) => i.offered)).toEqual([2]);
    expect((await rejectionOf(listQueueIntervals({ db }, other.ana, support.id, { kind: "day" }))).code).toBe("not_found");
    expect((await listOwnMemberships({ db }, w.ana)).map((m) => [m.queueName, m.extensionNumber])).toEqual([["support", "102"]]);
    expect(await listOwnMemberships({ db }, w.cy)).toEqual([]);
  });

  it("counts today in the organization's time zone", async () => {
    // UTC+14: for most of the UTC day the organization's date is already tomorrow's.
    await db.organization.update({ where: { id: other.orgId }, data: { timeZone: "Pacific/Kiritimati" } });
    const now = new Date();
    const board = await readWallboard({ db }, other.ana, now);
    expect(board.timeZone).toBe("Pacific/Kiritimati");
    expect(board.dayStart).toBe(startOfOrgDay(now, "Pacific/Kiritimati").toISOString());
    expect(board.dayStart).not.toBe(startOfOrgDay(now, "UTC").toISOString());
  });
});
