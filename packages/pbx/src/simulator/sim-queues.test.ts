import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { createPbxTestOrg, createQueueTestSetup } from "../testing/pbx-test-org";
import { startSimulator } from "./start-simulator";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 4 });
});
afterAll(async () => {
  await t?.drop();
});

const START = Date.parse("2026-01-01T09:00:00Z");

async function queueOrg() {
  const setup = await createPbxTestOrg(t.database.client, t.box);
  await createQueueTestSetup(t.database.client, setup.org.id, setup.extensions);
  return setup;
}

async function simulate(seed: number) {
  const { org } = await queueOrg();
  const simulator = startSimulator({ db: t.database.client, orgId: org.id, rate: 3, seed, durationMs: 40 * 60_000, speed: Infinity, startAt: START });
  await simulator.done;
  await simulator.tracker.idle();
  const db = t.database.raw;
  const callers = await db.queueCaller.findMany({ where: { organizationId: org.id }, orderBy: [{ joinedAt: "asc" }, { channelId: "asc" }] });
  const states = await db.outboxEvent.findMany({ where: { organizationId: org.id, type: "agent.state_changed" }, orderBy: { seq: "asc" } });
  const intervals = await db.queueInterval.findMany({ where: { organizationId: org.id, kind: "day" } });
  return {
    org,
    callers,
    states: states.map((e) => e.data as { extensionNumber: string; state: string; pauseReason: string | null }),
    intervals,
    summary: callers.map((c) => [c.queueId === callers[0]?.queueId, c.outcome, c.waitSeconds, c.joinedAt.toISOString()]),
    stats: simulator.stats().tracker
  };
}

describe("simulator with queues", () => {
  it("produces waiting callers, answers, abandons, pauses and wrap-ups through the tracker, deterministic per seed", async () => {
    const first = await simulate(7);
    expect(first.callers.length).toBeGreaterThan(20);
    expect(first.callers.every((c) => c.leftAt !== null && c.outcome !== null)).toBe(true);
    const outcomes = new Set(first.callers.map((c) => c.outcome));
    expect(outcomes).toContain("answered");
    expect(outcomes).toContain("abandoned");
    expect(first.callers.filter((c) => c.outcome === "answered").every((c) => c.answeredByExtensionId !== null)).toBe(true);
    const seen = new Set(first.states.map((s) => s.state));
    for (const state of ["ringing", "on_call", "wrap_up", "paused", "available"]) expect(seen).toContain(state);
    expect(first.states.filter((s) => s.state === "paused").every((s) => s.pauseReason === "Lunch" || s.pauseReason === "Break")).toBe(true);
    const offered = first.intervals.reduce((sum, i) => sum + i.offered, 0);
    const finished = first.intervals.reduce((sum, i) => sum + i.answered + i.abandoned, 0);
    expect(offered).toBe(first.callers.length);
    expect(finished).toBe(first.callers.length);
    expect(first.stats).toMatchObject({ unknownQueues: 0, unknownMembers: 0, unknownCallers: 0, unknownPauseReasons: 0, outOfOrder: 0, writeErrors: 0 });

    const again = await simulate(7);
    expect(again.summary).toEqual(first.summary);
  }, 120_000);

  it("control(): pause, resume, sign out and in are what the simulated PBX confirms, recorded as the asker's", async () => {
    const { org } = await queueOrg();
    // Nothing but what the test asks for: no calls, no pauses of the simulator's own.
    const simulator = startSimulator({ db: t.database.client, orgId: org.id, rate: 0.0001, pauseRate: 0, seed: 3, speed: 1 });
    const db = t.database.raw;
    const ana = () => db.queueMember.findFirstOrThrow({ where: { organizationId: org.id, interface: "PJSIP/102" } });
    try {
      await expect.poll(async () => (await ana()).loggedIn, { timeout: 15_000 }).toBe(true);
      const actor = { id: "6b1c0d2e-3f4a-4b5c-8d6e-7f8091a2b3c4", name: "Sam Supervisor" };
      expect(await simulator.control({ action: "queue_pause", interface: "PJSIP/102", paused: true, reason: "Lunch", actor })).toEqual({
        ok: true,
        message: "Interface paused successfully"
      });
      expect(await ana()).toMatchObject({ paused: true, pauseReason: "Lunch", state: "paused" });
      const last = await db.outboxEvent.findFirstOrThrow({ where: { organizationId: org.id, type: "agent.state_changed" }, orderBy: { seq: "desc" } });
      expect(last).toMatchObject({ actorId: actor.id, actorName: actor.name });
      expect(await simulator.control({ action: "queue_pause", interface: "PJSIP/102", paused: false })).toMatchObject({ ok: true });
      expect(await ana()).toMatchObject({ paused: false, state: "available" });
      expect(await simulator.control({ action: "queue_remove", queue: "support", interface: "PJSIP/102" })).toMatchObject({ ok: true });
      expect(await ana()).toMatchObject({ loggedIn: false, state: "logged_out" });
      expect(await simulator.control({ action: "queue_remove", queue: "support", interface: "PJSIP/102" })).toEqual({
        ok: false,
        code: "refused",
        error: "the PBX refused: Unable to remove interface: Not there"
      });
      expect(await simulator.control({ action: "queue_pause", interface: "PJSIP/102", paused: true, reason: "Lunch" })).toMatchObject({
        ok: false,
        error: "the PBX refused: Interface not found"
      });
      expect(await simulator.control({ action: "queue_add", queue: "support", interface: "PJSIP/102", penalty: 0 })).toMatchObject({ ok: true });
      expect(await ana()).toMatchObject({ loggedIn: true, state: "available" });
    } finally {
      await simulator.stop();
    }
    // A stopped PBX has nobody signed in or waiting.
    expect(await db.queueMember.count({ where: { organizationId: org.id, loggedIn: true } })).toBe(0);
  });
});
