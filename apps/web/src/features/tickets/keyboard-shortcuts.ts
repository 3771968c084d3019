/** A single-key shortcut of the helpdesk pages, as the help dialog lists it. */
export interface Shortcut {
  key: string;
  /** How the help dialog shows the key. */
  label: string;
  action: string;
}

export const LIST_SHORTCUTS: readonly Shortcut[] = [
  { key: "j", label: "j", action: "Next ticket in the list" },
  { key: "k", label: "k", action: "Previous ticket in the list" },
  { key: "/", label: "/", action: "Search tickets" },
  { key: "?", label: "?", action: "Show keyboard shortcuts" }
];

export const TICKET_SHORTCUTS: readonly Shortcut[] = [
  { key: "r", label: "r", action: "Reply to the customer" },
  { key: "n", label: "n", action: "Write an internal note" },
  { key: "a", label: "a", action: "Assign the ticket to me" },
  { key: "j", label: "j", action: "Next ticket of the list" },
  { key: "k", label: "k", action: "Previous ticket of the list" },
  { key: "?", label: "?", action: "Show keyboard shortcuts" }
];

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
  target: EventTarget | null;
}

/** Whether keystrokes on this element are someone typing (fields, editable content, open menus). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== "function") return false;
  const el = target as Element;
  if (el.closest("input, textarea, select, [contenteditable=''], [contenteditable='true'], [role='listbox'], [role='menu'], dialog[open]")) return true;
  return false;
}

/** The shortcut a keystroke means, or null: typing, a modified key, or one something else handled. */
export function shortcutOf(event: KeyLike, shortcuts: readonly Shortcut[]): Shortcut | null {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  return shortcuts.find((s) => s.key === event.key) ?? null;
}

/** The index focus moves to for j/k among `count` rows, from `current` (-1: none focused yet). */
export function stepRow(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return Math.min(count - 1, Math.max(0, current + step));
}
