import { describe, expect, it } from "vitest";
import { applyEntityEvents, touchesKinds } from "./apply-entity-events";
import { isOwnEvent } from "./describe-event";
import { extensionEvent, extensionView, trunkEvent, trunkView } from "./test-events";

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
