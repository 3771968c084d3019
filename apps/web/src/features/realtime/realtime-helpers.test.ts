import { describe, expect, it } from "vitest";
import { applyEntityEvents, touchesKinds } from "./apply-entity-events";
import { isOwnEvent } from "./describe-event";
import { EventBuffer } from "./event-buffer";
import { extensionEvent, extensionView, trunkEvent, trunkView } from "./test-events";

describe("EventBuffer", () => {
  it("drops duplicates by id and anything not newer than the last applied seq", () => {
    const buffer = new EventBuffer(10);
    const e11 = extensionEvent(11, "created", extensionView("a", "104"));
    expect(buffer.accept(e11)).toBe(true);
    expect(buffer.accept(e11)).toBe(false);
    expect(buffer.accept(extensionEvent(9, "updated", extensionView("a", "104")))).toBe(false);
    expect(buffer.accept({ ...extensionEvent(11, "updated", extensionView("a", "104")), id: "other" })).toBe(false);
    expect(buffer.headSeq).toBe(11);
  });

  it("answers only for snapshots it covers", () => {
    const buffer = new EventBuffer(10);
    buffer.accept(extensionEvent(12, "created", extensionView("a", "104")));
    buffer.accept(extensionEvent(15, "updated", extensionView("a", "104")));
    expect(buffer.since(9)).toBeNull();
    expect(buffer.since(10)?.map((e) => e.seq)).toEqual([12, 15]);
    expect(buffer.since(12)?.map((e) => e.seq)).toEqual([15]);
    expect(buffer.since(20)).toEqual([]);
  });

  it("moves its start forward as old events are evicted, and starts over on reset", () => {
    const buffer = new EventBuffer(0, 2);
    for (const seq of [1, 2, 3]) buffer.accept(extensionEvent(seq, "updated", extensionView("a", "104")));
    expect(buffer.startSeq).toBe(1);
    expect(buffer.since(0)).toBeNull();
    expect(buffer.since(1)?.map((e) => e.seq)).toEqual([2, 3]);
    buffer.reset(40);
    expect(buffer.since(39)).toBeNull();
    expect(buffer.since(40)).toEqual([]);
    expect(buffer.headSeq).toBe(40);
  });

  it("advances its head after a sync without inventing events", () => {
    const buffer = new EventBuffer(5);
    buffer.advanceTo(9);
    expect(buffer.headSeq).toBe(9);
    expect(buffer.since(5)).toEqual([]);
    buffer.advanceTo(3);
    expect(buffer.headSeq).toBe(9);
  });
});

describe("applyEntityEvents", () => {
  const a = extensionView("a", "100");
  const b = extensionView("b", "101");

  it("inserts, updates in place and removes", () => {
    const c = extensionView("c", "102");
    const rows = applyEntityEvents(
      [a, b],
      [extensionEvent(1, "created", c), extensionEvent(2, "updated", { ...a, displayName: "Front desk" }), extensionEvent(3, "deleted", b)],
      "extension"
    );
    expect(rows.map((r) => [r.id, r.displayName])).toEqual([
      ["a", "Front desk"],
      ["c", "Desk 102"]
    ]);
  });

  it("ignores other kinds and returns the same array when nothing applies", () => {
    const rows = [a, b];
    expect(applyEntityEvents(rows, [trunkEvent(1, "created", trunkView("t", "Carrier A"))], "extension")).toBe(rows);
  });

  it("never duplicates a row created twice", () => {
    const rows = applyEntityEvents([a], [extensionEvent(1, "created", b), extensionEvent(2, "updated", b)], "extension");
    expect(rows.map((r) => r.id)).toEqual(["a", "b"]);
  });

  it("tells whether events concern given kinds", () => {
    expect(touchesKinds([trunkEvent(1, "created", trunkView("t", "X"))], ["trunk"])).toBe(true);
    expect(touchesKinds([trunkEvent(1, "created", trunkView("t", "X"))], ["extension"])).toBe(false);
  });
});

describe("isOwnEvent", () => {
  it("recognises one's own changes", () => {
    const event = extensionEvent(1, "created", extensionView("a", "104"));
    expect(isOwnEvent(event, "u-ada")).toBe(true);
    expect(isOwnEvent(event, "u-sam")).toBe(false);
  });
});
