import { describe, expect, it } from "vitest";
import { LIST_SHORTCUTS, shortcutOf, stepRow, TICKET_SHORTCUTS } from "./keyboard-shortcuts";

/** An element as far as the check looks at it: whether it sits inside the given selector's match. */
const element = (typing: boolean) => ({ closest: (selector: string) => (typing && selector.includes("textarea") ? {} : null) }) as unknown as EventTarget;
const page = element(false);

const press = (key: string, target: EventTarget | null = page, extra: Partial<KeyboardEventInit> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  defaultPrevented: false,
  target,
  ...extra
});

describe("shortcutOf", () => {
  it("maps a plain key on the page to its shortcut", () => {
    expect(shortcutOf(press("r"), TICKET_SHORTCUTS)?.action).toBe("Reply to the customer");
    expect(shortcutOf(press("?"), LIST_SHORTCUTS)?.action).toBe("Show keyboard shortcuts");
    expect(shortcutOf(press("x"), TICKET_SHORTCUTS)).toBeNull();
  });

  it("ignores keys typed into fields and modified keys", () => {
    expect(shortcutOf(press("r", element(true)), TICKET_SHORTCUTS)).toBeNull();
    expect(shortcutOf(press("r", page, { ctrlKey: true }), TICKET_SHORTCUTS)).toBeNull();
    expect(shortcutOf(press("r", page, { metaKey: true }), TICKET_SHORTCUTS)).toBeNull();
    expect(shortcutOf({ ...press("r"), defaultPrevented: true }, TICKET_SHORTCUTS)).toBeNull();
  });
});

describe("stepRow", () => {
  it("starts at the first (j) or last (k) row and stops at the ends", () => {
    expect(stepRow(-1, 3, 1)).toBe(0);
    expect(stepRow(-1, 3, -1)).toBe(2);
    expect(stepRow(0, 3, 1)).toBe(1);
    expect(stepRow(2, 3, 1)).toBe(2);
    expect(stepRow(0, 3, -1)).toBe(0);
    expect(stepRow(-1, 0, 1)).toBe(-1);
  });
});
