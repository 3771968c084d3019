import { describe, expect, it } from "vitest";
import type { Call } from "@switchboard/db";
import { planCallChange } from "./plan-call-change";

const t0 = new Date("2026-01-01T10:00:00Z");
const after = (s: number) => new Date(t0.getTime() + s * 1000);

function call(overrides: Partial<Call> = {}): Call {
  return {
    id: "c1",
    organizationId: "o1",
    pbxCallId: "1.1",
    direction: "inbound",
    state: "ringing",
    result: null,
    fromNumber: "+15550001111",
    fromName: null,
    toNumber: "+15559870000",
    toName: null,
    did: "+15559870000",
    extensionIds: [],
    trunkId: null,
    queue: null,
    startedAt: t0,
    answeredAt: null,
    endedAt: null,
    durationSeconds: null,
    talkSeconds: null,
    holdSeconds: 0,
    holdStartedAt: null,
    hangupCause: null,
    hangupCauseCode: null,
    hungUpBy: null,
    transferredTo: null,
    createdAt: t0,
    updatedAt: t0,
    ...overrides
  };
}

const ana = { number: "102", name: "Ana Agent", extensionId: "e102" };

describe("planCallChange: the call state machine", () => {
  it("ringing retargets a call still addressed to its DID, and is a no-op when repeated", () => {
    const change = planCallChange(call(), { op: "ring", callId: "1.1", at: after(1), target: ana }, { target: ana, toIsExtension: false });
    expect(change).toMatchObject({ kind: "ringing", data: { state: "ringing", toNumber: "102", extensionIds: ["e102"] } });
    const ringing = call({ toNumber: "102", extensionIds: ["e102"] });
    expect(planCallChange(ringing, { op: "ring", callId: "1.1", at: after(2), target: ana }, { target: ana, toIsExtension: true })).toEqual({ skip: "noop" });
  });

  it("answer keeps the first answer time; hold and resume sum hold time; end computes durations", () => {
    const answered = planCallChange(call(), { op: "answer", callId: "1.1", at: after(10), by: ana }, { by: ana, toIsExtension: true });
    expect(answered).toMatchObject({ kind: "answered", data: { state: "answered", answeredAt: after(10), toNumber: "102" } });
    const onHold = call({ state: "on_hold", answeredAt: after(10), holdSeconds: 5, holdStartedAt: after(20) });
    expect(planCallChange(onHold, { op: "resume", callId: "1.1", at: after(32) }, { toIsExtension: true })).toMatchObject({
      kind: "resumed",
      data: { state: "answered", holdSeconds: 17, holdStartedAt: null }
    });
    expect(planCallChange(onHold, { op: "end", callId: "1.1", at: after(40), cause: "Normal Clearing", causeCode: 16 }, { toIsExtension: true })).toMatchObject(
      {
        kind: "ended",
        data: { state: "ended", result: "answered", durationSeconds: 40, holdSeconds: 25, talkSeconds: 5, hangupCauseCode: 16 }
      }
    );
  });

  it("skips what contradicts the state: anything after the end, hold before an answer", () => {
    const ended = call({ state: "ended", endedAt: after(30) });
    for (const op of [
      { op: "answer", callId: "1.1", at: after(31) },
      { op: "hold", callId: "1.1", at: after(31) },
      { op: "ring", callId: "1.1", at: after(31), target: ana }
    ] as const) {
      expect(planCallChange(ended, op, { toIsExtension: true })).toEqual({ skip: "out_of_order" });
    }
    expect(planCallChange(ended, { op: "end", callId: "1.1", at: after(31) }, { toIsExtension: true })).toEqual({ skip: "noop" });
    expect(planCallChange(call(), { op: "hold", callId: "1.1", at: after(3) }, { toIsExtension: false })).toEqual({ skip: "out_of_order" });
    expect(planCallChange(call(), { op: "resume", callId: "1.1", at: after(3) }, { toIsExtension: false })).toEqual({ skip: "noop" });
  });

  it("an unanswered end is missed unless the source says busy or failed", () => {
    expect(planCallChange(call(), { op: "end", callId: "1.1", at: after(20) }, { toIsExtension: false })).toMatchObject({
      data: { result: "missed", talkSeconds: null }
    });
    expect(planCallChange(call(), { op: "end", callId: "1.1", at: after(2), result: "busy" }, { toIsExtension: false })).toMatchObject({
      data: { result: "busy" }
    });
  });
});
