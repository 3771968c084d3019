import { describe, expect, it } from "vitest";
import { LAMP_LABELS, type LampKind } from "@/components/status/lamp";
import { extensionLookOf } from "./extension-presentation";

const LAMPS = Object.keys(LAMP_LABELS) as LampKind[];

describe("extensionLookOf", () => {
  it("says every state in words", () => {
    expect(LAMPS.map((lamp) => extensionLookOf(lamp).label)).toEqual(LAMPS.map((lamp) => LAMP_LABELS[lamp]));
  });

  it("never tells states apart by colour alone: states that look alike in colour differ in glyph or words", () => {
    for (const a of LAMPS)
      for (const b of LAMPS) {
        if (a === b) continue;
        const [x, y] = [extensionLookOf(a), extensionLookOf(b)];
        expect(x.icon !== y.icon || x.label !== y.label, `${a} / ${b}`).toBe(true);
      }
  });

  it("gives the states an operator acts on their own glyph", () => {
    const glyphs = (["idle", "ringing", "in_use", "busy", "on_hold", "dnd", "unregistered", "unreachable"] as const).map((l) => extensionLookOf(l).icon);
    expect(new Set(glyphs).size).toBe(glyphs.length);
  });

  it("draws unregistered and idle differently: dashed and grey, not green", () => {
    expect(extensionLookOf("unregistered").className).toContain("border-dashed");
    expect(extensionLookOf("idle").className).not.toContain("border-dashed");
  });
});
