import { describe, expect, it } from "vitest";
import type { CallView, TrunkStatusView } from "@switchboard/contracts";
import { isTransferable, trunkLampsOf, waitingCallsOf } from "./waiting-calls";

function call(id: string, patch: Partial<CallView> = {}): CallView {
  return {
    id,
    direction: "inbound",
    state: "ringing",
    queue: null,
    answeredAt: null,
    trunkId: null,
    startedAt: "2026-11-22T10:00:00.000Z",
    ...patch
  } as CallView;
}

describe("waitingCallsOf", () => {
  it("lists ringing inbound and internal calls and unanswered queue callers, longest waiting first", () => {
    const calls = [
      call("late", { startedAt: "2026-11-22T10:05:00.000Z" }),
      call("early", { startedAt: "2026-11-22T10:01:00.000Z" }),
      call("internal", { direction: "internal", startedAt: "2026-11-22T10:02:00.000Z" }),
      call("queued", { state: "answered", queue: "sales", startedAt: "2026-11-22T10:03:00.000Z" })
    ];
    expect(waitingCallsOf(calls).map((c) => c.id)).toEqual(["early", "internal", "queued", "late"]);
  });

  it("leaves out answered, outbound and ended calls, and queue callers an agent answered", () => {
    const calls = [
      call("answered", { state: "answered", answeredAt: "2026-11-22T10:00:05.000Z" }),
      call("outbound", { direction: "outbound" }),
      call("ended", { state: "ended" }),
      call("taken", { state: "answered", queue: "sales", answeredAt: "2026-11-22T10:00:05.000Z" })
    ];
    expect(waitingCallsOf(calls)).toEqual([]);
  });
});

describe("isTransferable", () => {
  it("is any live call, ringing ones included", () => {
    expect([call("a"), call("b", { state: "answered" }), call("c", { state: "on_hold" })].every(isTransferable)).toBe(true);
    expect(isTransferable(call("d", { state: "ended" }))).toBe(false);
    expect(isTransferable(undefined)).toBe(false);
  });
});

describe("trunkLampsOf", () => {
  const trunks = [
    { id: "t1", name: "Carrier A", maxChannels: 2 },
    { id: "t2", name: "Carrier B", maxChannels: 10 }
  ];
  const statuses = new Map<string, TrunkStatusView>([["t1", { trunkId: "t1", registration: "registered", detail: null, changedAt: "" }]]);

  it("counts live calls per trunk against its capacity and says the registration in words", () => {
    const active = [call("1", { trunkId: "t1" }), call("2", { trunkId: "t1", state: "answered" }), call("3", { trunkId: "t1", state: "ended" })];
    expect(trunkLampsOf(trunks, statuses, active)).toEqual([
      { id: "t1", name: "Carrier A", registration: "registered", label: "Registered", inUse: 2, capacity: 2, full: true },
      { id: "t2", name: "Carrier B", registration: "unknown", label: "Unknown", inUse: 0, capacity: 10, full: false }
    ]);
  });
});
