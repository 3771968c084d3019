import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import type { CallDirection, CallResult, CallState } from "../generated/prisma/client";
import { createExtensionRow, createOrganization, createUser, trunkData } from "../seed/factories";
import { createTestDatabase, type TestDatabase } from "../testing/test-database";
import { rejectionOf } from "../testing/ticket-test-world";
import { countCallFigures, listExtensionStatuses, listTrunkStatuses } from "./calls-read-figures";
import type { z } from "zod";
import { callListQuerySchema, getCall, listActiveCalls, listCallDirectory, listCalls } from "./calls-read";
import { parseId, parseInput } from "./parse-input";
import type { ActingViewer } from "./viewer";

let t: TestDatabase;
let db: DbClient;
const viewers = {} as Record<"admin" | "agent" | "customer" | "foreign", ActingViewer>;
const ext = {} as Record<"e101" | "e102" | "foreign", string>;
let trunkId = "";
let spareTrunkId = "";
const calls: Record<string, string> = {};
const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const YESTERDAY = new Date(NOW.getTime() - 26 * 3600_000);

async function viewer(orgId: string, role: Role): Promise<ActingViewer> {
  const user = await createUser(db, orgId, { role, passwordHash: "x" });
  return { id: user.id, orgId, role, name: user.name };
}

interface CallSpec {
  orgId?: string;
  direction?: CallDirection;
  state: CallState;
  result?: CallResult;
  from?: string;
  fromName?: string;
  to?: string;
  extensionIds?: string[];
  trunkId?: string;
  startedAt: Date;
  answered?: boolean;
  timeline?: [kind: string, detail: string][];
}

async function addCall(key: string, spec: CallSpec): Promise<void> {
  const orgId = spec.orgId ?? viewers.admin.orgId;
  const kinds = spec.timeline ?? [["started", `Call from ${spec.from ?? "+15550000000"}`]];
  const row = await db.call.create({
    data: {
      organizationId: orgId,
      pbxCallId: `${key}-${randomUUID()}`,
      direction: spec.direction ?? "inbound",
      state: spec.state,
      result: spec.result ?? null,
      fromNumber: spec.from ?? "+15550000000",
      fromName: spec.fromName ?? null,
      toNumber: spec.to ?? "101",
      extensionIds: spec.extensionIds ?? [],
      trunkId: spec.trunkId ?? null,
      startedAt: spec.startedAt,
      answeredAt: spec.answered ? new Date(spec.startedAt.getTime() + 5000) : null,
      endedAt: spec.state === "ended" ? new Date(spec.startedAt.getTime() + 60_000) : null,
      // Timeline rows one second apart, in the given order.
      events: {
        create: kinds.map(([kind, detail], i) => ({ organizationId: orgId, kind, detail, at: new Date(spec.startedAt.getTime() + i * 1000) }))
      }
    }
  });
  calls[key] = row.id;
}

beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
  db = t.database.client;
  const org = await createOrganization(db);
  const foreign = await createOrganization(db);
  viewers.admin = await viewer(org.id, "admin");
  viewers.agent = await viewer(org.id, "agent");
  viewers.customer = await viewer(org.id, "customer");
  viewers.foreign = await viewer(foreign.id, "admin");
  ext.e101 = (await createExtensionRow(db, t.box, org.id, "101")).id;
  ext.e102 = (await createExtensionRow(db, t.box, org.id, "102")).id;
  ext.foreign = (await createExtensionRow(db, t.box, foreign.id, "101")).id;
  trunkId = (await db.trunk.create({ data: trunkData(t.box, org.id, "Carrier A", { maxChannels: 4 }) })).id;
  spareTrunkId = (await db.trunk.create({ data: trunkData(t.box, org.id, "Backup", { maxChannels: 2 }) })).id;

  await addCall("ringing", { state: "ringing", from: "+15551110000", fromName: "Alice Caller", extensionIds: [ext.e101], trunkId, startedAt: minutesAgo(1) });
  await addCall("talking", {
    state: "on_hold",
    from: "+15552220000",
    extensionIds: [ext.e102, ext.e101],
    trunkId,
    startedAt: minutesAgo(3),
    answered: true,
    timeline: [
      ["started", "Call from +15552220000"],
      ["ringing", "102 ringing"],
      ["answered", "Answered by 102"],
      ["held", "Held by 102"]
    ]
  });
  await addCall("internal", {
    direction: "internal",
    state: "answered",
    from: "101",
    to: "102",
    extensionIds: [ext.e101, ext.e102],
    startedAt: minutesAgo(2),
    answered: true
  });
  await addCall("answered", { state: "ended", result: "answered", extensionIds: [ext.e101], trunkId, startedAt: minutesAgo(30), answered: true });
  await addCall("missed", { state: "ended", result: "missed", from: "+15553330000", extensionIds: [ext.e102], trunkId, startedAt: minutesAgo(20) });
  await addCall("busy", {
    direction: "outbound",
    state: "ended",
    result: "busy",
    from: "101",
    to: "+15554440000",
    extensionIds: [ext.e101],
    trunkId,
    startedAt: minutesAgo(10)
  });
  await addCall("old", { state: "ended", result: "missed", extensionIds: [ext.e101], startedAt: YESTERDAY });
  await addCall("foreign", { orgId: foreign.id, state: "answered", extensionIds: [ext.foreign], startedAt: minutesAgo(1), answered: true });

  const changedAt = new Date();
  await db.extensionStatus.create({
    data: { organizationId: org.id, extensionId: ext.e101, registration: "registered", deviceState: "busy", dnd: true, changedAt }
  });
  await db.extensionStatus.create({ data: { organizationId: org.id, extensionId: ext.e102, registration: "unreachable", deviceState: "idle", changedAt } });
  await db.extensionStatus.create({
    data: { organizationId: foreign.id, extensionId: ext.foreign, registration: "registered", deviceState: "idle", changedAt }
  });
  await db.trunkStatus.create({ data: { organizationId: org.id, trunkId, registration: "rejected", detail: "403 Forbidden", changedAt } });
});
afterAll(async () => {
  await t?.drop();
});

const keyOf = (id: string) => Object.entries(calls).find(([, v]) => v === id)?.[0] ?? id;
/** The query as an edge hands it to the service: parsed with the schema. */
const query = (input: z.input<typeof callListQuerySchema>) => parseInput(callListQuerySchema, input);

async function listed(input: z.input<typeof callListQuerySchema>, who: ActingViewer = viewers.admin): Promise<string[]> {
  return (await listCalls({ db }, who, query(input))).data.map((c) => keyOf(c.id));
}
describe("listActiveCalls", () => {
  it("lists the organization's live calls, oldest first, for any staff member", async () => {
    for (const who of [viewers.admin, viewers.agent]) {
      expect((await listActiveCalls({ db }, who)).map((c) => keyOf(c.id))).toEqual(["talking", "internal", "ringing"]);
    }
    const [held] = await listActiveCalls({ db }, viewers.admin);
    expect(held).toMatchObject({ state: "on_hold", trunkId, extensionIds: [ext.e102, ext.e101], result: null });
    expect((await listActiveCalls({ db }, viewers.foreign)).map((c) => keyOf(c.id))).toEqual(["foreign"]);
  });

  it("refuses customers", async () => {
    expect((await rejectionOf(listActiveCalls({ db }, viewers.customer))).code).toBe("forbidden");
  });
});

describe("listCalls: filters and paging", () => {
  it("lists all calls newest first and pages them", async () => {
    expect(await listed({})).toEqual(["ringing", "internal", "talking", "busy", "missed", "answered", "old"]);
    const page2 = await listCalls({ db }, viewers.admin, query({ page: 2, pageSize: 3 }));
    expect(page2).toMatchObject({ page: 2, pageSize: 3, total: 7 });
    expect(page2.data.map((c) => keyOf(c.id))).toEqual(["busy", "missed", "answered"]);
  });

  it("filters by state, direction, result, extension (number or id), date range and search", async () => {
    expect(await listed({ state: "ended" })).toEqual(["busy", "missed", "answered", "old"]);
    expect(await listed({ state: "live" })).toEqual(["ringing", "internal", "talking"]);
    expect(await listed({ direction: "outbound" })).toEqual(["busy"]);
    expect(await listed({ direction: "internal" })).toEqual(["internal"]);
    expect(await listed({ result: "missed" })).toEqual(["missed", "old"]);
    expect(await listed({ result: "answered" })).toEqual(["answered"]);
    expect(await listed({ extension: "102" })).toEqual(["internal", "talking", "missed"]);
    expect(await listed({ extension: ext.e102 })).toEqual(["internal", "talking", "missed"]);
    expect(await listed({ from: minutesAgo(25).toISOString(), to: minutesAgo(5).toISOString() })).toEqual(["busy", "missed"]);
    const yesterday = YESTERDAY.toISOString().slice(0, 10);
    expect(await listed({ from: yesterday, to: yesterday })).toEqual(["old"]);
    expect(await listed({ q: "alice" })).toEqual(["ringing"]);
    expect(await listed({ q: "5554440" })).toEqual(["busy"]);
    expect(await listed({ state: "ended", result: "missed", extension: "101" })).toEqual(["old"]);
  });

  it("never shows another organization's calls, even by its extension's id", async () => {
    expect(await listed({}, viewers.foreign)).toEqual(["foreign"]);
    const err = await rejectionOf(listCalls({ db }, viewers.admin, query({ extension: ext.foreign })));
    expect(err.fields).toEqual({ extension: "no such extension in your organization" });
  });

  it("rejects bad filters naming the field, and customers", async () => {
    const cases: [z.input<typeof callListQuerySchema>, string][] = [
      [{ direction: "sideways" as never }, "direction"],
      [{ result: "exploded" as never }, "result"],
      [{ state: "ringing" as never }, "state"],
      [{ from: "yesterday-ish" }, "from"],
      [{ from: "2026-02-01", to: "2026-01-01" }, "to"],
      [{ page: 0 }, "page"],
      [{ pageSize: 1000 }, "pageSize"],
      [{ extension: "999" }, "extension"]
    ];
    for (const [input, field] of cases) {
      const err = await rejectionOf(() => listCalls({ db }, viewers.admin, query(input)));
      expect(err.code).toBe("bad_request");
      expect(Object.keys(err.fields ?? {})).toEqual([field]);
    }
    expect((await rejectionOf(listCalls({ db }, viewers.customer, query({})))).code).toBe("forbidden");
  });
});

describe("getCall", () => {
  it("returns the call with its timeline in order and the extensions and trunk it names", async () => {
    const detail = await getCall({ db }, viewers.agent, calls.talking ?? "");
    expect(detail.call).toMatchObject({ id: calls.talking, state: "on_hold", fromNumber: "+15552220000" });
    expect(detail.timeline.map((e) => e.kind)).toEqual(["started", "ringing", "answered", "held"]);
    expect(detail.timeline[3]).toMatchObject({ detail: "Held by 102", callId: calls.talking });
    expect(detail.extensions.map((e) => e.number)).toEqual(["102", "101"]);
    expect(detail.trunk).toEqual({ id: trunkId, name: "Carrier A" });
  });

  it("answers not found alike for another organization's, unknown and malformed ids; refuses customers", async () => {
    for (const id of [calls.foreign ?? "", randomUUID(), "not-a-uuid"]) {
      const err = await rejectionOf(() => getCall({ db }, viewers.admin, parseId(id, "call")));
      expect([err.code, err.message]).toEqual(["not_found", "call not found"]);
    }
    expect((await rejectionOf(getCall({ db }, viewers.customer, calls.talking ?? ""))).code).toBe("forbidden");
  });
});

describe("countCallFigures", () => {
  it("counts live calls, today's calls, answered and missed, and channels in use per trunk", async () => {
    const figures = await countCallFigures({ db }, viewers.agent, new Date(NOW.getTime() - 3600_000));
    expect(figures).toMatchObject({ activeCalls: 3, callsToday: 6, answeredToday: 3, missedToday: 1 });
    expect(figures.trunks).toEqual([
      { trunkId: spareTrunkId, name: "Backup", maxChannels: 2, inUse: 0 },
      { trunkId, name: "Carrier A", maxChannels: 4, inUse: 2 }
    ]);
    expect((await countCallFigures({ db }, viewers.foreign, new Date(NOW.getTime() - 3600_000))).activeCalls).toBe(1);
    expect((await rejectionOf(countCallFigures({ db }, viewers.customer))).code).toBe("forbidden");
  });

  it("counts from the start of the UTC day by default", async () => {
    const figures = await countCallFigures({ db }, viewers.admin);
    const todayStart = Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth(), NOW.getUTCDate());
    const expected = [1, 3, 2, 30, 20, 10].filter((m) => NOW.getTime() - m * 60_000 >= todayStart).length;
    expect(figures.callsToday).toBe(expected);
  });
});

describe("statuses and directory", () => {
  it("lists extension statuses with the BLF lamp, and trunk statuses, of the viewer's organization only", async () => {
    const statuses = await listExtensionStatuses({ db }, viewers.agent);
    const byExt = new Map(statuses.map((s) => [s.extensionId, s]));
    expect(statuses).toHaveLength(2);
    expect(byExt.get(ext.e101)).toMatchObject({ registration: "registered", deviceState: "busy", dnd: true, lamp: "dnd" });
    expect(byExt.get(ext.e102)).toMatchObject({ registration: "unreachable", lamp: "unavailable" });
    expect(await listTrunkStatuses({ db }, viewers.agent)).toEqual([expect.objectContaining({ trunkId, registration: "rejected", detail: "403 Forbidden" })]);
    expect(await listTrunkStatuses({ db }, viewers.foreign)).toEqual([]);
    expect((await rejectionOf(listExtensionStatuses({ db }, viewers.customer))).code).toBe("forbidden");
    expect((await rejectionOf(listTrunkStatuses({ db }, viewers.customer))).code).toBe("forbidden");
  });

  it("names extensions and trunks for the board", async () => {
    const directory = await listCallDirectory({ db }, viewers.agent);
    expect(directory.extensions.map((e) => e.number)).toEqual(["101", "102"]);
    expect(directory.trunks.map((tr) => [tr.name, tr.maxChannels])).toEqual([
      ["Backup", 2],
      ["Carrier A", 4]
    ]);
    expect((await rejectionOf(listCallDirectory({ db }, viewers.customer))).code).toBe("forbidden");
  });
});
