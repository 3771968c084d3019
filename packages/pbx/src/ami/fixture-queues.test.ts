import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { startConnectorHarness } from "../testing/connector-harness";
import { readFixture, readListFixture } from "../testing/fixtures";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 6 });
});
afterAll(async () => {
  await t?.drop();
});

const at = (offsetSeconds: number) => new Date((1767261600 + offsetSeconds) * 1000);

type Harness = Awaited<ReturnType<typeof startConnectorHarness>>;

/** The organization's queue rows and queue events, as the fixture left them. */
async function queueState(h: Harness) {
  const db = t.database.raw;
  const org = { organizationId: h.org.id };
  const [callers, members, intervals, events] = await Promise.all([
    db.queueCaller.findMany({ where: org, orderBy: { joinedAt: "asc" } }),
    db.queueMember.findMany({ where: org, include: { queue: { select: { name: true } }, extension: { select: { number: true } } } }),
    db.queueInterval.findMany({ where: org, orderBy: [{ kind: "asc" }, { startsAt: "asc" }] }),
    db.outboxEvent.findMany({ where: { ...org, subjectKind: { in: ["queue", "queue_member"] } }, orderBy: { seq: "asc" } })
  ]);
  const member = (queue: string, number: string) => members.find((m) => m.queue.name === queue && m.extension.number === number);
  return { callers, member, intervals, events, stats: h.connector.stats().tracker };
}

/** Starts a connector whose PBX has the fixtures' queues (queue-status.ami), replays `name` and reads the result. */
async function replayQueueFixture(name: string, chunked = false) {
  const h = await startConnectorHarness(t, {
    queues: true,
    lists: readListFixture("queue-status.ami"),
    ...(chunked ? { chunking: { seed: 11, maxChunk: 50 } } : {})
  });
  try {
    const before = await queueState(h);
    await h.replay(readFixture(name));
    return { h, before, ...(await queueState(h)) };
  } finally {
    await h.stop();
  }
}

const typesAfter = (events: { type: string; seq: bigint }[], from: { seq: bigint }[]) => {
  const last = from.at(-1)?.seq ?? 0n;
  return events.filter((e) => e.seq > last).map((e) => e.type);
};

describe("AMI queue fixtures → queue, agent and outcome rows and events", () => {
  it("the resync on connect signs in the members the PBX lists and marks the queues resynced", async () => {
    const { before } = await replayQueueFixture("queue-pause.ami");
    expect(before.member("support", "102")).toMatchObject({ loggedIn: true, state: "available", activity: "idle", penalty: 0 });
    expect(before.member("support", "103")).toMatchObject({ loggedIn: true, state: "available", penalty: 1 });
    expect(before.member("sales", "101")).toMatchObject({ loggedIn: true, state: "available" });
    expect(new Set(before.events.map((e) => e.type))).toEqual(new Set(["queue.changed", "agent.state_changed"]));
  });

  it("a queued call answered: waiting caller, ringing agent, answered within the service level, talk time and wrap-up (random small TCP chunks)", async () => {
    const { callers, member, intervals, events, before, stats } = await replayQueueFixture("queue-answered.ami", true);
    expect(callers).toHaveLength(1);
    const [caller] = callers;
    expect(caller).toMatchObject({
      channelId: "1767261600.1",
      pbxCallId: "1767261600.1",
      callerNumber: "+15551230001",
      callerName: "Jane Caller",
      position: 1,
      joinedAt: at(1),
      leftAt: at(12),
      outcome: "answered",
      waitSeconds: 11,
      withinServiceLevel: true,
      talkSeconds: 60
    });
    const ana = member("support", "102");
    expect(caller?.answeredByExtensionId).toBe(ana?.extensionId);
    // The call ended at +72 and support has 30 s of wrap-up.
    expect(ana).toMatchObject({ activity: "idle", state: "wrap_up", stateSince: at(72), wrapUpUntil: at(102), callsTaken: 1, lastCallAt: at(72) });
    const day = intervals.find((i) => i.kind === "day");
    expect(day).toMatchObject({ startsAt: new Date("2026-01-01T00:00:00Z"), offered: 1, answered: 1, abandoned: 0, answeredWithinSl: 1 });
    expect(day).toMatchObject({ answeredWaitSeconds: 11, talkSeconds: 60, completed: 1 });
    expect(intervals.filter((i) => i.kind === "quarter_hour").map((i) => i.startsAt)).toEqual([at(0)]);
    expect(typesAfter(events, before.events)).toEqual([
      "queue.caller_joined",
      "agent.state_changed", // ringing
      "queue.caller_left", // answered
      "agent.state_changed", // on a call
      "agent.state_changed" // wrap-up
    ]);
    expect(events.filter((e) => e.type === "queue.caller_left").map((e) => (e.data as { outcome: string }).outcome)).toEqual(["answered"]);
    expect(stats).toMatchObject({ unknownQueues: 0, unknownMembers: 0, unknownCallers: 0, outOfOrder: 0, writeErrors: 0 });
  });

  it("a caller who hangs up while an agent rings is abandoned, outside the service level", async () => {
    const { callers, member, intervals, events, before, stats } = await replayQueueFixture("queue-abandoned.ami");
    expect(callers[0]).toMatchObject({ outcome: "abandoned", leftAt: at(45), waitSeconds: 44, withinServiceLevel: false, answeredByExtensionId: null });
    expect(member("support", "102")).toMatchObject({ state: "available", activity: "idle" });
    expect(intervals.find((i) => i.kind === "day")).toMatchObject({ offered: 1, answered: 0, abandoned: 1, answeredWithinSl: 0, abandonedWaitSeconds: 44 });
    expect(typesAfter(events, before.events)).toEqual(["queue.caller_joined", "agent.state_changed", "queue.caller_abandoned", "agent.state_changed"]);
    expect(stats).toMatchObject({ unknownCallers: 0, outOfOrder: 0, writeErrors: 0 });
  });

  it("an agent who does not answer goes back to available and the next one answers", async () => {
    const { callers, member, intervals, stats } = await replayQueueFixture("queue-ring-no-answer.ami");
    const bo = member("support", "103");
    expect(callers[0]).toMatchObject({ outcome: "answered", waitSeconds: 25, withinServiceLevel: false, answeredByExtensionId: bo?.extensionId });
    expect(member("support", "102")).toMatchObject({ state: "available", activity: "idle", callsTaken: 0 });
    expect(bo).toMatchObject({ state: "wrap_up", callsTaken: 1, wrapUpUntil: at(116) });
    expect(intervals.find((i) => i.kind === "day")).toMatchObject({ offered: 1, answered: 1, answeredWithinSl: 0, answeredWaitSeconds: 25, talkSeconds: 60 });
    expect(stats).toMatchObject({ outOfOrder: 0, unknownMembers: 0, writeErrors: 0 });
  });

  it("an agent paused with a reason shows it and since when; a reason the organization lacks is applied and counted", async () => {
    const { member, events, before, stats } = await replayQueueFixture("queue-pause.ami");
    expect(member("support", "102")).toMatchObject({ paused: false, pauseReason: null, state: "available", stateSince: at(1800) });
    expect(member("support", "103")).toMatchObject({ paused: true, pauseReason: "Coffee", state: "paused", stateSince: at(1900) });
    const states = events
      .filter((e) => e.seq > (before.events.at(-1)?.seq ?? 0n))
      .map((e) => e.data as { extensionNumber: string; state: string; pauseReason: string | null });
    expect(states.map((s) => [s.extensionNumber, s.state, s.pauseReason])).toEqual([
      ["102", "paused", "Lunch"],
      ["102", "available", null],
      ["103", "paused", "Coffee"]
    ]);
    expect(stats.unknownPauseReasons).toBe(1);
  });

  it("a member added to a queue (unknown to the console) appears in it, and is signed out when removed", async () => {
    const { member, events, before } = await replayQueueFixture("queue-member-added-removed.ami");
    expect(member("sales", "103")).toMatchObject({
      interface: "PJSIP/103",
      penalty: 2,
      ringInUse: true,
      loggedIn: false,
      state: "logged_out",
      stateSince: at(300)
    });
    const after = events.filter((e) => e.seq > (before.events.at(-1)?.seq ?? 0n));
    // The new member comes with its queue; signing in and out are its own events (ring-in-use is not shown, so no news).
    expect(after.map((e) => e.type)).toEqual(["queue.changed", "agent.state_changed", "agent.state_changed"]);
    const sales = after[0]?.data as { name: string; members: { extensionNumber: string }[] };
    expect(sales.name).toBe("sales");
    expect(sales.members.map((m) => m.extensionNumber).sort()).toEqual(["101", "103"]);
  });
});
