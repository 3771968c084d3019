import { describe, expect, it } from "vitest";
import { changedFields } from "./field-changes";

describe("changedFields", () => {
  it("names each field that differs, before → after, and ignores bookkeeping", () => {
    const before = { id: "a", number: "104", displayName: "Sales", enabled: true, codecs: ["opus"], userName: null, version: 3, updatedAt: "x" };
    const after = { id: "a", number: "104", displayName: "Sales desk 1", enabled: false, codecs: ["opus"], userName: "Ana", version: 4, updatedAt: "y" };
    expect(changedFields(before, after)).toEqual({
      displayName: { from: "Sales", to: "Sales desk 1" },
      enabled: { from: true, to: false },
      userName: { from: null, to: "Ana" }
    });
  });

  it("compares lists by content", () => {
    expect(changedFields({ codecs: ["opus", "ulaw"] }, { codecs: ["opus", "ulaw"] })).toEqual({});
    expect(changedFields({ codecs: ["opus", "ulaw"] }, { codecs: ["ulaw", "opus"] })).toEqual({ codecs: { from: ["opus", "ulaw"], to: ["ulaw", "opus"] } });
  });
});
