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

const CALL = "1767261600.1";
const upTo = (text: string, marker: string) => text.slice(0, text.indexOf(marker));
const fixture = readFixture("inbound-basic.ami");
/** The inbound call, answered and bridged (caller on the trunk, Ana on 102). */
const answered = upTo(fixture, "Event: BridgeLeave");
/** The same call while 102 is still ringing. */
const ringing = upTo(fixture, "Event: DialEnd");
const actionsNamed = (actions: Record<string, string>[], name: string) => actions.filter((a) => a.action === name);

describe("call control against the fake AMI server", () => {
  it("hang up sends AMI Hangup for every real leg and the call ends", async () => {
    const h = await startConnectorHarness(t);
    try {
      await h.replay(answered);
      const ended = waitForEmit(
        h.connector,
        "message",
        (m: { name: string; fields: Record<string, string> }) => m.name === "Hangup" && m.fields.uniqueid === "1767261600.2"
      );
      expect(await h.connector.control({ action: "hangup", pbxCallId: CALL })).toEqual({ ok: true, message: "Call hung up" });
      expect(actionsNamed(h.server.actions, "Hangup").map((a) => [a.channel, a.cause])).toEqual([
        ["PJSIP/carrier-a-00000001", "16"],
        ["PJSIP/102-00000002", "16"]
      ]);
      await ended;
      await h.connector.tracker.idle();
      expect(await t.database.raw.call.findFirstOrThrow({ where: { organizationId: h.org.id, pbxCallId: CALL } })).toMatchObject({ state: "ended" });
      expect(await h.connector.control({ action: "hangup", pbxCallId: CALL })).toEqual({ ok: false, code: "call_ended", error: "call already ended" });
    } finally {
      await h.stop();
    }
  });

  it("blind transfer sends AMI BlindTransfer on the answering leg to the extension", async () => {
    const h = await startConnectorHarness(t);
    try {
      await h.replay(answered);
      expect(await h.connector.control({ action: "blind_transfer", pbxCallId: CALL, exten: "103" })).toEqual({ ok: true, message: "Transfer succeeded" });
      expect(actionsNamed(h.server.actions, "BlindTransfer")).toEqual([expect.objectContaining({ channel: "PJSIP/102-00000002", exten: "103" })]);
    } finally {
      await h.stop();
    }
  });

  it("a ringing call is picked up elsewhere: AMI Redirect of the caller into the callee's context, no BlindTransfer", async () => {
    const h = await startConnectorHarness(t);
    try {
      await h.replay(ringing);
      expect(await h.connector.control({ action: "blind_transfer", pbxCallId: CALL, exten: "103" })).toEqual({ ok: true, message: "Redirect successful" });
      expect(actionsNamed(h.server.actions, "Redirect")).toEqual([
        expect.objectContaining({ channel: "PJSIP/carrier-a-00000001", exten: "103", context: "from-internal", priority: "1" })
      ]);
      expect(actionsNamed(h.server.actions, "BlindTransfer")).toEqual([]);
    } finally {
      await h.stop();
    }
  });

  it("with a dial context set, a transfer and a pick-up are dialled there; a change applies to the next one", async () => {
    const setContext = (h: { org: { id: string } }, dialContext: string | null) =>
      t.database.raw.pbxConnection.update({ where: { organizationId: h.org.id }, data: { dialContext } });
    const ringingCall = await startConnectorHarness(t);
    try {
      await setContext(ringingCall, "acme.example.com");
      await ringingCall.replay(ringing);
      expect(await ringingCall.connector.control({ action: "blind_transfer", pbxCallId: CALL, exten: "103" })).toMatchObject({ ok: true });
      expect(actionsNamed(ringingCall.server.actions, "Redirect")).toEqual([
        expect.objectContaining({ channel: "PJSIP/carrier-a-00000001", exten: "103", context: "acme.example.com", priority: "1" })
      ]);
    } finally {
      await ringingCall.stop();
    }
    const answeredCall = await startConnectorHarness(t);
    try {
      await setContext(answeredCall, "acme.example.com");
      await answeredCall.replay(answered);
      expect(await answeredCall.connector.control({ action: "blind_transfer", pbxCallId: CALL, exten: "103" })).toMatchObject({ ok: true });
      await setContext(answeredCall, null);
      expect(await answeredCall.connector.control({ action: "blind_transfer", pbxCallId: CALL, exten: "103" })).toMatchObject({ ok: true });
      const transfers = actionsNamed(answeredCall.server.actions, "BlindTransfer");
      expect(transfers.map((a) => a.context)).toEqual(["acme.example.com", undefined]);
    } finally {
      await answeredCall.stop();
    }
  });

  it("maps errors: no such extension sends nothing; a refusal and a silent PBX are reported", async () => {
    const h = await startConnectorHarness(t, { actionTimeoutMs: 300 });
    try {
      await h.replay(answered);
      expect(await h.connector.control({ action: "blind_transfer", pbxCallId: CALL, exten: "999" })).toEqual({
        ok: false,
        code: "no_such_extension",
        error: "no such extension 999"
      });
      expect(await h.connector.control({ action: "blind_transfer", pbxCallId: CALL, exten: "1x" })).toMatchObject({ ok: false, code: "invalid" });
      expect(actionsNamed(h.server.actions, "BlindTransfer")).toEqual([]);
      expect(actionsNamed(h.server.actions, "Redirect")).toEqual([]);

      h.server.script("BlindTransfer", { Response: "Error", Message: "Transfer failed" });
      expect(await h.connector.control({ action: "blind_transfer", pbxCallId: CALL, exten: "103" })).toEqual({
        ok: false,
        code: "refused",
        error: "the PBX refused: Transfer failed"
      });
      h.server.script("Hangup", "stall");
      expect(await h.connector.control({ action: "hangup", pbxCallId: CALL })).toEqual({ ok: false, code: "timeout", error: "the PBX did not answer in time" });
    } finally {
      await h.stop();
    }
  });

  it("PBX not connected: the connection dropped and has not come back", async () => {
    const h = await startConnectorHarness(t);
    try {
      await h.replay(answered);
      const down = waitForEmit(h.connector, "status", (s: string) => s === "disconnected");
      await h.server.close();
      await down;
      expect(await h.connector.control({ action: "hangup", pbxCallId: CALL })).toEqual({ ok: false, code: "not_connected", error: "PBX not connected" });
    } finally {
      await h.connector.stop();
    }
  });
});
