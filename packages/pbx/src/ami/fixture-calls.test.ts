import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { startConnectorHarness } from "../testing/connector-harness";
import { readFixture } from "../testing/fixtures";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 6 });
});
afterAll(async () => {
  await t?.drop();
});

const at = (offsetSeconds: number) => new Date((1767261600 + offsetSeconds) * 1000);

/** Replays one fixture into a fresh organization through TCP and the real connector. */
async function replayFixture(name: string, chunked = false) {
  const h = await startConnectorHarness(t, chunked ? { chunking: { seed: 7, maxChunk: 40 } } : {});
  try {
    await h.replay(readFixture(name));
    const db = t.database.raw;
    const calls = await db.call.findMany({
      where: { organizationId: h.org.id },
      orderBy: { startedAt: "asc" },
      include: { events: { orderBy: { id: "asc" } } }
    });
    const events = await db.outboxEvent.findMany({ where: { organizationId: h.org.id, subjectKind: "call" }, orderBy: { seq: "asc" } });
    const ext = (n: string) => h.extensions.get(n) ?? "";
    return { h, calls, events, ext, stats: h.connector.stats() };
  } finally {
    await h.stop();
  }
}

describe("AMI fixtures → calls, timelines and events", () => {
  it("basic inbound call via a trunk (delivered in random small TCP chunks)", async () => {
    const { h, calls, events, ext, stats } = await replayFixture("inbound-basic.ami", true);
    expect(calls).toHaveLength(1);
    const call = calls[0];
    expect(call).toMatchObject({
      pbxCallId: "1767261600.1",
      direction: "inbound",
      state: "ended",
      result: "answered",
      fromNumber: "+15551230001",
      fromName: "Jane Caller",
      toNumber: "102",
      toName: "Ana Agent",
      did: "+15559870000",
      trunkId: h.trunks.carrierA.id,
      extensionIds: [ext("102")],
      startedAt: at(0),
      answeredAt: at(15),
      endedAt: at(75),
      durationSeconds: 75,
      talkSeconds: 60,
      holdSeconds: 0,
      hangupCause: "Normal Clearing",
      hangupCauseCode: 16,
      hungUpBy: "+15551230001"
    });
    expect(call?.events.map((e) => e.kind)).toEqual(["started", "ringing", "answered", "ended"]);
    expect(events.map((e) => e.type)).toEqual(["call.started", "call.ringing", "call.answered", "call.ended"]);
    expect(events.every((e) => e.subjectId === call?.id)).toBe(true);
    expect(stats.tracker).toMatchObject({ unknownEvents: 0, unknownChannels: 0, outOfOrder: 0, writeErrors: 0 });
    expect(stats.parser.garbageLines).toBe(0);
    const status = await t.database.raw.extensionStatus.findUnique({ where: { extensionId: ext("102") } });
    expect(status).toMatchObject({ deviceState: "idle", registration: "registered" });
  });

  it("internal call", async () => {
    const { calls, events, ext } = await replayFixture("internal-call.ami");
    expect(calls[0]).toMatchObject({
      direction: "internal",
      result: "answered",
      fromNumber: "101",
      fromName: "Sam Supervisor",
      toNumber: "102",
      did: null,
      trunkId: null,
      extensionIds: [ext("101"), ext("102")],
      durationSeconds: 46,
      talkSeconds: 40,
      hungUpBy: "102"
    });
    expect(events.map((e) => e.type)).toEqual(["call.started", "call.ringing", "call.answered", "call.ended"]);
  });

  it("outbound call via a trunk", async () => {
    const { h, calls, events } = await replayFixture("outbound-trunk.ami");
    expect(calls[0]).toMatchObject({
      direction: "outbound",
      result: "answered",
      fromNumber: "102",
      toNumber: "+15557654321",
      trunkId: h.trunks.carrierA.id,
      answeredAt: at(210),
      durationSeconds: 100,
      talkSeconds: 90,
      hungUpBy: "+15557654321"
    });
    expect(calls[0]?.events.map((e) => e.detail)).toContain("Dialing +15557654321 via Carrier A");
    expect(events.map((e) => e.type)).toEqual(["call.started", "call.updated", "call.answered", "call.ended"]);
  });

  it("no answer: missed, hung up by the caller", async () => {
    const { calls, events, ext } = await replayFixture("no-answer.ami");
    expect(calls[0]).toMatchObject({
      state: "ended",
      result: "missed",
      fromName: null,
      toNumber: "103",
      extensionIds: [ext("103")],
      answeredAt: null,
      talkSeconds: null,
      durationSeconds: 25,
      hungUpBy: "+15551230002"
    });
    expect(events.map((e) => e.type)).toEqual(["call.started", "call.ringing", "call.ended"]);
  });

  it("busy: never rings, ends busy with cause 17", async () => {
    const { calls, events } = await replayFixture("busy.ami");
    expect(calls[0]).toMatchObject({ result: "busy", hangupCauseCode: 17, hangupCause: "User busy", hungUpBy: "101", answeredAt: null });
    expect(events.map((e) => e.type)).toEqual(["call.started", "call.ended"]);
  });

  it("hold and unhold twice: hold time summed, talk time without it", async () => {
    const { calls, events } = await replayFixture("hold-unhold.ami");
    expect(calls[0]).toMatchObject({ holdSeconds: 40, talkSeconds: 60, durationSeconds: 105, holdStartedAt: null, hungUpBy: "102" });
    expect(events.map((e) => e.type)).toEqual([
      "call.started",
      "call.ringing",
      "call.answered",
      "call.held",
      "call.resumed",
      "call.held",
      "call.resumed",
      "call.ended"
    ]);
    const held = events[3]?.data as { state: string; holdStartedAt: string; entry: { detail: string } };
    expect(held).toMatchObject({ state: "on_hold", holdStartedAt: at(525).toISOString(), entry: { detail: "Put on hold by 102 (Ana Agent)" } });
  });

  it("blind transfer: same call, rings and is answered by the target", async () => {
    const { calls, events, ext } = await replayFixture("blind-transfer.ami");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      toNumber: "103",
      toName: "Bo Agent",
      transferredTo: "103",
      extensionIds: [ext("102"), ext("103")],
      answeredAt: at(604),
      holdSeconds: 6,
      talkSeconds: 98,
      hungUpBy: "103",
      result: "answered"
    });
    expect(events.map((e) => e.type)).toEqual([
      "call.started",
      "call.ringing",
      "call.answered",
      "call.held",
      "call.resumed",
      "call.transferred",
      "call.ringing",
      "call.answered",
      "call.ended"
    ]);
    expect(calls[0]?.events.find((e) => e.kind === "transferred")?.detail).toBe("Blind transfer to 103 (Bo Agent) by 102 (Ana Agent)");
  });

  it("attended transfer through Local channels: the caller's call continues with the target, the consultation ends", async () => {
    const { calls, events, ext } = await replayFixture("attended-transfer-local.ami");
    const [main, consult] = calls;
    expect(main).toMatchObject({
      pbxCallId: "1767262300.16",
      state: "ended",
      toNumber: "103",
      transferredTo: "103",
      extensionIds: [ext("102"), ext("103")],
      holdSeconds: 27,
      talkSeconds: 80,
      durationSeconds: 110,
      hungUpBy: "+15551230005"
    });
    expect(main?.events.map((e) => e.kind)).toEqual(["started", "ringing", "answered", "held", "transferred", "answered", "ended"]);
    expect(consult).toMatchObject({
      pbxCallId: "1767262323.18",
      direction: "internal",
      fromNumber: "102",
      toNumber: "103",
      result: "answered",
      endedAt: at(750)
    });
    expect(events.filter((e) => e.subjectId === main?.id).map((e) => e.type)).toEqual([
      "call.started",
      "call.ringing",
      "call.answered",
      "call.held",
      "call.transferred",
      "call.answered",
      "call.ended"
    ]);
  });
});
