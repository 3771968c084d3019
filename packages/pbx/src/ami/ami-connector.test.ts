import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@switchboard/db/testing";
import { startConnectorHarness } from "../testing/connector-harness";
import { readFixture } from "../testing/fixtures";
import { waitForEmit } from "../testing/wait-for";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase({ poolSize: 6 });
});
afterAll(async () => {
  await t?.drop();
});

const firstHalf = (text: string, marker: string) => text.slice(0, text.indexOf(marker));

describe("AMI connector", () => {
  it("wrong credentials → the integration shows auth_failed, with a pbx.status_changed event", async () => {
    const h = await startConnectorHarness(t, { secret: "not-the-secret", waitForResync: false });
    try {
      await waitForEmit(h.connector, "status", (s: string) => s === "auth_failed");
      const row = await t.database.raw.pbxConnection.findUniqueOrThrow({ where: { id: h.connection.id } });
      expect(row).toMatchObject({ status: "auth_failed", lastError: "authentication failed: check the AMI username and secret" });
      expect(h.server.logins).toEqual({ accepted: 0, refused: 1 });
      const events = await t.database.raw.outboxEvent.findMany({ where: { organizationId: h.org.id, type: "pbx.status_changed" }, orderBy: { seq: "asc" } });
      expect(events.map((e) => (e.data as { status: string }).status)).toEqual(["disconnected", "connecting", "auth_failed"]);
      expect(JSON.stringify(events.map((e) => e.data))).not.toContain("ami-secret");
    } finally {
      await h.stop();
    }
  });

  it("resync on connect: adopts live calls the PBX has, registers contacts, marks the rest unregistered", async () => {
    const channel = (name: string, uniqueid: string, linkedid: string, num: string, exten: string, bridge: string, duration: string) => ({
      Channel: name,
      ChannelState: "6",
      ChannelStateDesc: "Up",
      CallerIDNum: num,
      CallerIDName: "<unknown>",
      ConnectedLineNum: "<unknown>",
      ConnectedLineName: "<unknown>",
      Language: "en",
      AccountCode: "",
      Context: "from-internal",
      Exten: exten,
      Priority: "1",
      Uniqueid: uniqueid,
      Linkedid: linkedid,
      Application: "Dial",
      ApplicationData: "",
      Duration: duration,
      BridgeId: bridge
    });
    const h = await startConnectorHarness(t, {
      lists: {
        CoreShowChannels: [
          channel("PJSIP/carrier-a-00000101", "1767270000.1", "1767270000.1", "+15550001111", "+15559870000", "b-1", "00:02:00"),
          channel("PJSIP/101-00000102", "1767270000.2", "1767270000.1", "101", "s", "b-1", "00:01:30")
        ],
        PJSIPShowContacts: [
          { ObjectType: "contact", ObjectName: "101;@abc", Endpoint: "101", Uri: "sip:101@192.0.2.11:5060", UserAgent: "Yealink T54W", Status: "Reachable" }
        ],
        DeviceStateList: [{ Device: "PJSIP/101", State: "INUSE" }],
        PJSIPShowRegistrationsOutbound: [
          { ObjectType: "registration", ObjectName: "carrier-a", ServerUri: "sip:sip.carrier-a.example.net", Status: "Registered" }
        ]
      }
    });
    try {
      await h.connector.tracker.idle();
      const db = t.database.raw;
      const call = await db.call.findFirstOrThrow({ where: { organizationId: h.org.id } });
      expect(call).toMatchObject({
        pbxCallId: "1767270000.1",
        direction: "inbound",
        state: "answered",
        fromNumber: "+15550001111",
        toNumber: "101",
        trunkId: h.trunks.carrierA.id
      });
      const statuses = await db.extensionStatus.findMany({ where: { organizationId: h.org.id } });
      const of = (n: string) => statuses.find((s) => s.extensionId === h.extensions.get(n));
      expect(of("101")).toMatchObject({ registration: "registered", contact: "sip:101@192.0.2.11:5060", userAgent: "Yealink T54W", deviceState: "in_use" });
      expect(of("102")).toMatchObject({ registration: "unregistered", deviceState: "unavailable" });
      expect(await db.trunkStatus.findUnique({ where: { trunkId: h.trunks.carrierA.id } })).toMatchObject({ registration: "registered" });
      expect(h.server.actions.map((a) => a.action)).toEqual([
        "Login",
        "CoreShowChannels",
        "DeviceStateList",
        "ExtensionStateList",
        "PresenceStateList",
        "PJSIPShowRegistrationsOutbound",
        "PJSIPShowContacts",
        "QueueSummary",
        "QueueStatus"
      ]);
    } finally {
      await h.stop();
    }
  });

  it("reconnects after the PBX drops the connection, and the resync ends calls whose hangup was missed", async () => {
    const h = await startConnectorHarness(t);
    try {
      const fixture = readFixture("inbound-basic.ami");
      await h.replay(firstHalf(fixture, "Event: BridgeLeave"));
      const db = t.database.raw;
      expect((await db.call.findFirstOrThrow({ where: { organizationId: h.org.id } })).state).toBe("answered");

      const reconnected = waitForEmit(h.connector, "resynced");
      h.server.dropConnections();
      await waitForEmit(h.connector, "status", (s: string) => s === "disconnected");
      await reconnected;
      const call = await db.call.findFirstOrThrow({ where: { organizationId: h.org.id } });
      expect(call).toMatchObject({ state: "ended", result: "answered", hangupCause: "Gone from the PBX at resync" });
      expect(h.server.logins.accepted).toBe(2);
      expect(h.connector.stats()).toMatchObject({ connects: 2, tracker: { resyncs: 2, resyncCorrections: 1 } });
    } finally {
      await h.stop();
    }
  });

  it("bad input: garbage, unknown events and events for unknown channels are counted, never crash, change nothing", async () => {
    const h = await startConnectorHarness(t);
    try {
      await h.replay(readFixture("bad-input.ami"));
      const stats = h.connector.stats();
      expect(stats.parser).toMatchObject({ garbageLines: 3, malformedFrames: 1 });
      expect(stats.tracker).toMatchObject({ unknownEvents: 1, unknownChannels: 5, writeErrors: 0 });
      expect(await t.database.raw.call.count({ where: { organizationId: h.org.id } })).toBe(0);
      // The connection survives: a real call right after is tracked as usual.
      await h.replay(readFixture("internal-call.ami"));
      expect(await t.database.raw.call.findFirstOrThrow({ where: { organizationId: h.org.id } })).toMatchObject({ state: "ended", result: "answered" });
    } finally {
      await h.stop();
    }
  });

  it("out-of-order events are skipped and counted; the call's recorded state stays right", async () => {
    const h = await startConnectorHarness(t);
    try {
      const fixture = readFixture("hold-unhold.ami");
      await h.replay(fixture);
      const holdFrame = fixture.slice(fixture.indexOf("Event: Hold"), fixture.indexOf("\r\n\r\n", fixture.indexOf("Event: Hold")) + 4);
      await h.replay(holdFrame);
      expect(await t.database.raw.call.findFirstOrThrow({ where: { organizationId: h.org.id } })).toMatchObject({ state: "ended", holdSeconds: 40 });
      expect(h.connector.stats().tracker.unknownChannels).toBe(1);
    } finally {
      await h.stop();
    }
  });

  it("registrations, device states, DND and trunk registrations become statuses and status events", async () => {
    const h = await startConnectorHarness(t);
    try {
      await h.replay(readFixture("registrations.ami"));
      const db = t.database.raw;
      const statuses = await db.extensionStatus.findMany({ where: { organizationId: h.org.id } });
      const of = (n: string) => statuses.find((s) => s.extensionId === h.extensions.get(n));
      expect(of("101")).toMatchObject({ registration: "registered", contact: "sip:101@192.0.2.11:5060;ob", deviceState: "in_use", dnd: true });
      expect(of("102")).toMatchObject({ registration: "registered", deviceState: "idle", dnd: true });
      expect(of("103")).toMatchObject({ registration: "unregistered", contact: null, deviceState: "unavailable", dnd: false });
      const trunks = await db.trunkStatus.findMany({ where: { organizationId: h.org.id } });
      expect(trunks.find((s) => s.trunkId === h.trunks.carrierA.id)).toMatchObject({ registration: "registered" });
      expect(trunks.find((s) => s.trunkId === h.trunks.carrierB.id)).toMatchObject({ registration: "rejected", detail: "403 Forbidden" });
      const events = await db.outboxEvent.findMany({
        where: { organizationId: h.org.id, type: { in: ["extension.status_changed", "trunk.status_changed"] } },
        orderBy: { seq: "asc" }
      });
      const of103 = events.filter((e) => e.subjectId === h.extensions.get("103")).map((e) => (e.data as { registration: string }).registration);
      // unregistered at resync, then registered → unreachable → unregistered.
      expect(of103).toEqual(["unregistered", "registered", "unreachable", "unregistered"]);
      expect(events.filter((e) => e.type === "trunk.status_changed")).toHaveLength(2);
    } finally {
      await h.stop();
    }
  });

  it("call control: hang up and blind transfer answered with success or the PBX's error", async () => {
    const h = await startConnectorHarness(t);
    try {
      const fixture = readFixture("inbound-basic.ami");
      await h.replay(firstHalf(fixture, "Event: BridgeLeave"));
      expect(await h.connector.control({ action: "blind_transfer", pbxCallId: "1767261600.1", exten: "103" })).toEqual({
        ok: true,
        message: "Transfer succeeded"
      });
      expect(h.server.actions.at(-1)).toMatchObject({ action: "BlindTransfer", channel: "PJSIP/102-00000002", exten: "103" });
      expect(await h.connector.control({ action: "hangup", pbxCallId: "no-such-call" })).toEqual({
        ok: false,
        code: "call_ended",
        error: "call already ended"
      });

      let hangups = 0;
      const bothLegsGone = waitForEmit(h.connector, "message", (m: { name: string }) => m.name === "Hangup" && ++hangups === 2);
      expect(await h.connector.control({ action: "hangup", pbxCallId: "1767261600.1" })).toEqual({ ok: true, message: "Call hung up" });
      await bothLegsGone;
      await h.connector.tracker.idle();
      expect(await t.database.raw.call.findFirstOrThrow({ where: { organizationId: h.org.id } })).toMatchObject({ state: "ended" });
      h.server.setLists({});
      expect(await h.connector.control({ action: "hangup", pbxCallId: "1767261600.1" })).toEqual({
        ok: false,
        code: "call_ended",
        error: "call already ended"
      });
    } finally {
      await h.stop();
    }
  });
});
