import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { startConnectorHarness } from "../testing/connector-harness";
import { readFixture, readFixtureFrames, readListFixture } from "../testing/fixtures";
import { waitForEmit } from "../testing/wait-for";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 6 });
});
afterAll(async () => {
  await t?.drop();
});

const upTo = (text: string, marker: string) => text.slice(0, text.indexOf(marker));
const STATUS = readListFixture("queue-status.ami");

/** The CoreShowChannel item of a channel frame (a Newchannel of a fixture) as the PBX lists it now, in a bridge. */
function listed(frame: Record<string, string>, bridge: string): Record<string, string> {
  const { Event: _e, Privilege: _p, Timestamp: _t, ...fields } = frame;
  return { ...fields, ChannelState: "6", ChannelStateDesc: "Up", Application: "AppQueue", ApplicationData: "", Duration: "00:00:40", BridgeId: bridge };
}

describe("queue resync through the real connector", () => {
  it("connecting while a caller waits adopts them with their wait so far; the live answer that follows completes their stay", async () => {
    const h = await startConnectorHarness(t, { queues: true, lists: readListFixture("queue-resync-lists.ami") });
    try {
      const db = t.database.raw;
      const caller = await db.queueCaller.findFirstOrThrow({ where: { organizationId: h.org.id } });
      expect(caller).toMatchObject({
        channelId: "1767262000.31",
        pbxCallId: "1767262000.31",
        callerNumber: "+15551230009",
        callerName: "Mid Call",
        position: 1,
        leftAt: null
      });
      const waited = (Date.now() - caller.joinedAt.getTime()) / 1000;
      expect(waited).toBeGreaterThanOrEqual(30);
      expect(waited).toBeLessThan(60);
      const joined = await db.outboxEvent.findMany({ where: { organizationId: h.org.id, type: "queue.caller_joined" } });
      expect(joined).toHaveLength(1);

      await h.replay(readFixture("queue-resync-live.ami"));
      const done = await db.queueCaller.findUniqueOrThrow({ where: { id: caller.id } });
      const bo = await db.queueMember.findFirstOrThrow({ where: { organizationId: h.org.id, interface: "PJSIP/103", queue: { name: "support" } } });
      // The PBX counted 38 s of waiting: more than support's 20 s service level.
      expect(done).toMatchObject({ outcome: "answered", waitSeconds: 38, withinServiceLevel: false, answeredByExtensionId: bo.extensionId, talkSeconds: 60 });
      expect(bo).toMatchObject({ state: "wrap_up", callsTaken: 1 });
      const day = await db.queueInterval.findMany({ where: { organizationId: h.org.id, kind: "day" } });
      expect(day.reduce((sum, d) => sum + d.offered, 0)).toBe(1);
      expect(day.reduce((sum, d) => sum + d.answered, 0)).toBe(1);
    } finally {
      await h.stop();
    }
  });

  it("a resync in the middle of a queued call: the caller the PBX no longer lists was answered while the connection was down", async () => {
    const h = await startConnectorHarness(t, { queues: true, lists: STATUS });
    try {
      const fixture = readFixture("queue-answered.ami");
      await h.replay(upTo(fixture, "Event: QueueCallerLeave"));
      const db = t.database.raw;
      const ana = await db.queueMember.findFirstOrThrow({ where: { organizationId: h.org.id, interface: "PJSIP/102" } });
      expect(ana.state).toBe("ringing");
      const waiting = await db.queueCaller.findFirstOrThrow({ where: { organizationId: h.org.id } });
      expect(waiting.leftAt).toBeNull();

      // While the connection is down, Ana answers: the PBX now has both legs bridged and nobody waiting.
      const frames = readFixtureFrames("queue-answered.ami").filter((f) => f.Event === "Newchannel");
      const [callerFrame, legFrame] = frames;
      if (!callerFrame || !legFrame) throw new Error("queue-answered.ami has two Newchannel frames");
      const members = (STATUS.QueueStatus ?? []).map((item) =>
        item.Event === "QueueMember" && item.Location === "PJSIP/102" ? { ...item, InCall: "1", Status: "2" } : item
      );
      h.server.setLists({ ...STATUS, QueueStatus: members, CoreShowChannels: [listed(callerFrame, "b-1"), listed(legFrame, "b-1")] });
      const resynced = waitForEmit(h.connector, "resynced");
      h.server.dropConnections();
      await resynced;

      const left = await db.queueCaller.findUniqueOrThrow({ where: { id: waiting.id } });
      expect(left.outcome).toBe("answered");
      expect(left.leftAt?.getTime()).toBeGreaterThan(Date.now() - 60_000);
      expect(await db.queueMember.findUniqueOrThrow({ where: { id: ana.id } })).toMatchObject({ state: "on_call", activity: "on_call" });
      const support = await db.queue.findFirstOrThrow({ where: { organizationId: h.org.id, name: "support" } });
      expect(support.resyncedAt?.getTime()).toBeGreaterThan(Date.now() - 60_000);
      const types = (await db.outboxEvent.findMany({ where: { organizationId: h.org.id, subjectKind: "queue" }, orderBy: { seq: "asc" } })).map((e) => e.type);
      expect(types.filter((type) => type.startsWith("queue.caller"))).toEqual(["queue.caller_joined", "queue.caller_left"]);
      expect(h.connector.stats().tracker.resyncCorrections).toBeGreaterThan(0);
    } finally {
      await h.stop();
    }
  });

  it("bad input: unknown queues, agents and callers and out-of-order agent events are counted, then corrected by the queue resync they trigger", async () => {
    const billing = [
      { Event: "QueueParams", Queue: "billing", Max: "0", Strategy: "fewestcalls", Calls: "0", ServiceLevel: "45" },
      // The PBX's word on 103: not paused.
      ...(STATUS.QueueStatus ?? [])
    ];
    const h = await startConnectorHarness(t, { queues: true, lists: STATUS, queueResync: { delayMs: 50, minIntervalMs: 0 } });
    try {
      const db = t.database.raw;
      h.server.setLists({ ...STATUS, QueueStatus: billing });
      const resynced = waitForEmit(h.connector, "resynced", () => true, 15_000);
      await h.replay(readFixture("queue-bad-input.ami"));
      const stats = h.connector.stats().tracker;
      expect(stats).toMatchObject({ unknownQueues: 1, unknownMembers: 1, unknownCallers: 1, writeErrors: 0 });
      // A ring-no-answer for an agent who was not ringing, and a resume older than the pause it follows.
      expect(stats.outOfOrder).toBe(2);
      expect(await db.queue.count({ where: { organizationId: h.org.id, name: "billing" } })).toBe(0);

      await resynced;
      const adopted = await db.queue.findFirstOrThrow({ where: { organizationId: h.org.id, name: "billing" } });
      expect(adopted).toMatchObject({ strategy: "fewestcalls", serviceLevelSeconds: 45 });
      const bo = await db.queueMember.findFirstOrThrow({ where: { organizationId: h.org.id, interface: "PJSIP/103", queue: { name: "support" } } });
      expect(bo).toMatchObject({ paused: false, state: "available" });
      expect(await db.queueCaller.count({ where: { organizationId: h.org.id } })).toBe(0);
    } finally {
      await h.stop();
    }
  });
});

describe("agent control through the real connector", () => {
  const actor = { id: "2f0b9a2e-3c1d-4e5f-8a9b-0c1d2e3f4a5b", name: "Sam Supervisor" };

  it("pause, resume, sign out and in go to the PBX; the state recorded is what the PBX then reports, as the asker's change", async () => {
    const h = await startConnectorHarness(t, { queues: true, lists: STATUS });
    try {
      const db = t.database.raw;
      const ana = () => db.queueMember.findFirstOrThrow({ where: { organizationId: h.org.id, interface: "PJSIP/102" } });
      const paused = waitForEmit(h.connector, "message", (m: { name: string }) => m.name === "QueueMemberPause");
      expect(await h.connector.control({ action: "queue_pause", interface: "PJSIP/102", paused: true, reason: "Lunch", actor })).toEqual({
        ok: true,
        message: "Interface paused successfully"
      });
      await paused;
      await h.connector.tracker.idle();
      expect(await ana()).toMatchObject({ paused: true, pauseReason: "Lunch", state: "paused" });
      expect(h.server.actions.filter((a) => a.action === "QueuePause")).toEqual([
        expect.objectContaining({ interface: "PJSIP/102", paused: "true", reason: "Lunch" })
      ]);
      const event = await db.outboxEvent.findFirstOrThrow({ where: { organizationId: h.org.id, type: "agent.state_changed" }, orderBy: { seq: "desc" } });
      expect(event).toMatchObject({ actorId: actor.id, actorName: actor.name });

      const resumed = waitForEmit(h.connector, "message", (m: { name: string }) => m.name === "QueueMemberPause");
      expect(await h.connector.control({ action: "queue_pause", interface: "PJSIP/102", paused: false, actor })).toMatchObject({ ok: true });
      await resumed;
      await h.connector.tracker.idle();
      expect(await ana()).toMatchObject({ paused: false, pauseReason: null, state: "available" });

      const removed = waitForEmit(h.connector, "message", (m: { name: string }) => m.name === "QueueMemberRemoved");
      expect(await h.connector.control({ action: "queue_remove", queue: "support", interface: "PJSIP/102", actor })).toEqual({
        ok: true,
        message: "Removed interface from queue"
      });
      await removed;
      await h.connector.tracker.idle();
      expect(await ana()).toMatchObject({ loggedIn: false, state: "logged_out" });

      const added = waitForEmit(h.connector, "message", (m: { name: string }) => m.name === "QueueMemberAdded");
      expect(await h.connector.control({ action: "queue_add", queue: "support", interface: "PJSIP/102", penalty: 0, memberName: "Ana Agent", actor })).toEqual({
        ok: true,
        message: "Added interface to queue"
      });
      await added;
      await h.connector.tracker.idle();
      expect(await ana()).toMatchObject({ loggedIn: true, state: "available" });
    } finally {
      await h.stop();
    }
  });

  it("refusals are the PBX's own words, and nothing changes", async () => {
    const h = await startConnectorHarness(t, { queues: true, lists: STATUS });
    try {
      expect(await h.connector.control({ action: "queue_pause", interface: "PJSIP/999", paused: true, reason: "Lunch" })).toEqual({
        ok: false,
        code: "refused",
        error: "the PBX refused: Interface not found"
      });
      expect(await h.connector.control({ action: "queue_add", queue: "support", interface: "PJSIP/102", penalty: 0 })).toEqual({
        ok: false,
        code: "refused",
        error: "the PBX refused: Unable to add interface: Already there"
      });
      expect(await h.connector.control({ action: "queue_pause", interface: "PJSIP/102", paused: true, reason: "two\nlines" })).toMatchObject({
        ok: false,
        code: "invalid"
      });
      const ana = await t.database.raw.queueMember.findFirstOrThrow({ where: { organizationId: h.org.id, interface: "PJSIP/102" } });
      expect(ana).toMatchObject({ paused: false, state: "available" });
    } finally {
      await h.stop();
    }
  });
});
