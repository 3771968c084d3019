import { describe, expect, it } from "vitest";
import { isEventType, parseEventData } from "./domain-events";

describe("event schemas", () => {
  it("knows every event type and rejects others", () => {
    expect(isEventType("extension.created")).toBe(true);
    expect(isEventType("extension.exploded")).toBe(false);
  });

  it("validates data per type, naming the failing path", () => {
    expect(parseEventData("trunk.deleted", { id: "t1", label: "Carrier" })).toEqual({ id: "t1", label: "Carrier" });
    expect(() => parseEventData("trunk.deleted", { id: 5 })).toThrow(/invalid trunk.deleted data at id/);
  });
});

describe("call and status event schemas", () => {
  const call = {
    id: "c1",
    pbxCallId: "1700000000.1",
    direction: "inbound",
    state: "ringing",
    result: null,
    fromNumber: "+15551230000",
    fromName: null,
    toNumber: "102",
    toName: "Ana Agent",
    did: "+15559870000",
    extensionIds: ["e1"],
    trunkId: "t1",
    queue: null,
    startedAt: "2026-01-01T00:00:00.000Z",
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
    updatedAt: "2026-01-01T00:00:00.000Z",
    entry: { id: "1", callId: "c1", kind: "started", at: "2026-01-01T00:00:00.000Z", detail: "Call from +15551230000", party: null }
  };

  it("accepts a call with its timeline entry for every call verb", () => {
    for (const type of [
      "call.started",
      "call.ringing",
      "call.answered",
      "call.held",
      "call.resumed",
      "call.transferred",
      "call.ended",
      "call.updated"
    ] as const) {
      expect(parseEventData(type, call)).toEqual(call);
    }
  });

  it("rejects unknown states and device states, naming the field", () => {
    expect(() => parseEventData("call.answered", { ...call, state: "talking" })).toThrow(/at state/);
    expect(() =>
      parseEventData("extension.status_changed", {
        extensionId: "e1",
        registration: "registered",
        contact: null,
        userAgent: null,
        deviceState: "sleepy",
        dnd: false,
        lamp: "idle",
        changedAt: "x"
      })
    ).toThrow(/at deviceState/);
    expect(parseEventData("trunk.status_changed", { trunkId: "t1", registration: "rejected", detail: "403", changedAt: "x" }).registration).toBe("rejected");
  });
});
