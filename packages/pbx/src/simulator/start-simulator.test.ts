import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import type { PendingEvent } from "@switchboard/db";
import { createPbxTestOrg } from "../testing/pbx-test-org";
import { waitForEmit } from "../testing/wait-for";
import { startSimulator } from "./start-simulator";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
});
afterAll(async () => {
  await t?.drop();
});

const START = Date.parse("2026-01-01T09:00:00Z");

async function simulate(seed: number) {
  const { org } = await createPbxTestOrg(t.database.client, t.box);
  const simulator = startSimulator({ db: t.database.client, orgId: org.id, rate: 1.5, seed, durationMs: 15 * 60_000, speed: Infinity, startAt: START });
  await simulator.done;
  await simulator.tracker.idle();
  const calls = await t.database.raw.call.findMany({
    where: { organizationId: org.id },
    orderBy: [{ startedAt: "asc" }, { pbxCallId: "asc" }],
    include: { events: { orderBy: { id: "asc" } } }
  });
  const summary = calls.map((c) => ({
    direction: c.direction,
    state: c.state,
    result: c.result,
    from: c.fromNumber,
    to: c.toNumber,
    startedAt: c.startedAt.toISOString(),
    duration: c.durationSeconds,
    talk: c.talkSeconds,
    hold: c.holdSeconds,
    timeline: c.events.map((e) => e.kind).join(",")
  }));
  return { org, calls, summary, stats: simulator.stats() };
}

describe("simulator", () => {
  it("produces realistic, well-formed traffic through the tracker, deterministic per seed", async () => {
    const first = await simulate(42);
    expect(first.calls.length).toBeGreaterThan(12);
    expect(first.calls.every((c) => c.state === "ended" && c.endedAt && c.result)).toBe(true);
    expect(new Set(first.calls.map((c) => c.direction))).toEqual(new Set(["inbound", "outbound", "internal"]));
    expect(new Set(first.calls.map((c) => c.result))).toContain("missed");
    expect(first.summary.some((c) => c.timeline.includes("held,resumed"))).toBe(true);
    expect(first.summary.some((c) => c.timeline.includes("transferred,ringing,answered"))).toBe(true);
    expect(first.stats.tracker).toMatchObject({ unknownEvents: 0, unknownChannels: 0, outOfOrder: 0, unknownCalls: 0, writeErrors: 0 });

    const statusEvents = await t.database.raw.outboxEvent.count({ where: { organizationId: first.org.id, type: "extension.status_changed" } });
    expect(statusEvents).toBeGreaterThan(3);

    const again = await simulate(42);
    expect(again.summary).toEqual(first.summary);
  }, 120_000);

  it("firstCallAfterMs: the first call arrives then, whatever the rate would have drawn", async () => {
    const { org } = await createPbxTestOrg(t.database.client, t.box);
    // At one call an hour, a drawn first arrival would almost never fall inside five minutes.
    const simulator = startSimulator({
      db: t.database.client,
      orgId: org.id,
      rate: 1 / 60,
      seed: 7,
      durationMs: 5 * 60_000,
      speed: Infinity,
      startAt: START,
      firstCallAfterMs: 1_000
    });
    await simulator.done;
    await simulator.tracker.idle();
    const first = await t.database.raw.call.findFirstOrThrow({ where: { organizationId: org.id }, orderBy: { startedAt: "asc" } });
    expect(first.startedAt.getTime()).toBe(START + 1_000);
    expect(simulator.stats().callsStarted).toBeGreaterThanOrEqual(1);
  });

  it("stop() ends the calls still in progress", async () => {
    const { org } = await createPbxTestOrg(t.database.client, t.box);
    // Real-time speed: a call starts within seconds; stop right after its call.started commits.
    const started = waitForEmit(
      t.database.notifier,
      "committed",
      (events: PendingEvent[]) => events.some((e) => e.orgId === org.id && e.type === "call.started"),
      30_000
    );
    const simulator = startSimulator({ db: t.database.client, orgId: org.id, rate: 30, seed: 3, speed: 1 });
    await started;
    await simulator.stop();
    const live = await t.database.raw.call.count({ where: { organizationId: org.id, state: { not: "ended" } } });
    expect(live).toBe(0);
    const busy = await t.database.raw.extensionStatus.count({ where: { organizationId: org.id, deviceState: { not: "idle" } } });
    expect(busy).toBe(0);
  });

  it("control(): a live simulated call is hung up like on a PBX (Hangup per leg, nothing more planned for it); transfers are refused", async () => {
    const { org } = await createPbxTestOrg(t.database.client, t.box);
    const started = waitForEmit(
      t.database.notifier,
      "committed",
      (events: PendingEvent[]) => events.some((e) => e.orgId === org.id && e.type === "call.started"),
      30_000
    );
    const simulator = startSimulator({ db: t.database.client, orgId: org.id, rate: 30, seed: 3, speed: 1 });
    try {
      await started;
      await simulator.tracker.idle();
      const call = await t.database.raw.call.findFirstOrThrow({ where: { organizationId: org.id, state: { not: "ended" } } });
      expect(await simulator.control({ action: "blind_transfer", pbxCallId: call.pbxCallId, exten: "103" })).toMatchObject({ ok: false, code: "refused" });
      expect(await simulator.control({ action: "hangup", pbxCallId: call.pbxCallId })).toEqual({ ok: true, message: "Call hung up" });
      expect(await t.database.raw.call.findUniqueOrThrow({ where: { id: call.id } })).toMatchObject({ state: "ended", hangupCause: "Normal Clearing" });
      expect(await simulator.control({ action: "hangup", pbxCallId: call.pbxCallId })).toEqual({ ok: false, code: "call_ended", error: "call already ended" });
      expect(simulator.stats().tracker.unknownChannels).toBe(0);
    } finally {
      await simulator.stop();
    }
  });
});
