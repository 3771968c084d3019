import { describe, expect, it } from "vitest";
import type { CallView, DomainEvent } from "@switchboard/contracts";
import { applyCallEvents, matchesRecentFilter } from "./live-calls";

let seq = 0;
function call(id: string, patch: Partial<CallView> = {}): CallView {
  return {
    id,
    pbxCallId: `pbx-${id}`,
    direction: "inbound",
    state: "ringing",
    result: null,
    fromNumber: "+15550100",
    fromName: null,
    toNumber: "101",
    toName: null,
    did: null,
    extensionIds: ["ext-101"],
    trunkId: null,
    queue: null,
    startedAt: "2026-11-22T10:00:00.000Z",
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
    updatedAt: "2026-11-22T10:00:00.000Z",
    ...patch
  };
}
function event(type: string, view: CallView): DomainEvent {
  seq += 1;
  return {
    id: `evt-${seq}`,
    orgId: "org",
    seq,
    type,
    at: view.updatedAt,
    actor: null,
    subject: { kind: "call", id: view.id },
    data: { ...view, entry: null }
  } as DomainEvent;
}

describe("applyCallEvents", () => {
  const empty = { active: [], recent: [], recentTotal: 0 };

  it("adds started calls, replaces them with each new state, and moves ended ones to the top of recent calls", () => {
    const older = call("old", { state: "ended", result: "answered", startedAt: "2026-11-22T09:00:00.000Z" });
    const a = call("a");
    const b = call("b", { startedAt: "2026-11-22T09:59:00.000Z" });
    let board = applyCallEvents({ ...empty, recent: [older], recentTotal: 1 }, [event("call.started", a), event("call.started", b)], {}, 25);
    expect(board.active.map((c) => c.id)).toEqual(["b", "a"]);
    board = applyCallEvents(board, [event("call.held", { ...a, state: "on_hold", holdStartedAt: "2026-11-22T10:01:00.000Z" })], {}, 25);
    expect(board.active.find((c) => c.id === "a")?.state).toBe("on_hold");
    board = applyCallEvents(board, [event("call.ended", { ...a, state: "ended", result: "answered" })], {}, 25);
    expect(board.active.map((c) => c.id)).toEqual(["b"]);
    expect(board.recent.map((c) => c.id)).toEqual(["a", "old"]);
    expect(board.recentTotal).toBe(2);
  });

  it("does not count an ended call twice when its events are applied again, and ignores other events", () => {
    const ended = call("a", { state: "ended", result: "missed" });
    const once = applyCallEvents(empty, [event("call.ended", ended)], {}, 25);
    const twice = applyCallEvents(once, [event("call.ended", ended), { ...event("call.ended", ended), type: "extension.updated" } as DomainEvent], {}, 25);
    expect(twice.recent.map((c) => c.id)).toEqual(["a"]);
    expect(twice.recentTotal).toBe(1);
  });

  it("keeps recent calls as they are off the first page or when the ended call does not match the filter", () => {
    const ended = call("a", { state: "ended", result: "missed" });
    expect(applyCallEvents(empty, [event("call.ended", ended)], null, 25).recent).toEqual([]);
    expect(applyCallEvents(empty, [event("call.ended", ended)], { result: "answered" }, 25).recent).toEqual([]);
    expect(applyCallEvents(empty, [event("call.ended", ended)], { result: "missed" }, 25).recent).toHaveLength(1);
  });

  it("trims recent calls to the page size", () => {
    const recent = [call("r1", { state: "ended" }), call("r2", { state: "ended", startedAt: "2026-11-22T08:00:00.000Z" })];
    const board = applyCallEvents(
      { active: [], recent, recentTotal: 2 },
      [event("call.ended", call("new", { state: "ended", startedAt: "2026-11-22T11:00:00.000Z" }))],
      {},
      2
    );
    expect(board.recent.map((c) => c.id)).toEqual(["new", "r1"]);
    expect(board.recentTotal).toBe(3);
  });
});

describe("matchesRecentFilter", () => {
  it("follows the server's filters", () => {
    const c = call("a", { state: "ended", result: "busy", direction: "outbound", fromName: "Jo Caller" });
    expect(matchesRecentFilter(c, { direction: "outbound", result: "busy", extensionId: "ext-101", q: "jo" })).toBe(true);
    expect(matchesRecentFilter(c, { direction: "inbound" })).toBe(false);
    expect(matchesRecentFilter(c, { extensionId: "ext-102" })).toBe(false);
    expect(matchesRecentFilter(c, { from: "2026-11-22T10:00:01.000Z" })).toBe(false);
    expect(matchesRecentFilter(c, { to: "2026-11-22T09:59:59.000Z" })).toBe(false);
    expect(matchesRecentFilter(c, { q: "nobody" })).toBe(false);
  });
});
