"use client";

import { clsx } from "clsx";

/** Reply or internal note: two radio buttons drawn as a segmented switch (arrow keys move between them). */
export function ComposerModeToggle({ note, onChange }: { note: boolean; onChange: (note: boolean) => void }) {
  const option = (value: boolean, label: string, shortcut: string) => (
    <label
      className={clsx(
        "relative flex cursor-pointer items-center gap-2 rounded px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-500",
        note === value
          ? value
            ? "bg-amber-400 text-amber-950"
            : "bg-white text-slate-900 shadow-sm dark:bg-slate-700 dark:text-white"
          : "text-slate-600 hover:text-slate-900 dark:text-slate-300"
      )}
    >
      <input
        type="radio"
        name="composer-mode"
        className="absolute inset-0 cursor-pointer opacity-0"
        checked={note === value}
        onChange={() => onChange(value)}
      />
      {label}
      <kbd aria-hidden="true" className="rounded border border-current/30 px-1 text-xs opacity-70">
        {shortcut}
      </kbd>
    </label>
  );
  return (
    <div role="radiogroup" aria-label="Compose as" className="inline-flex gap-1 rounded-md bg-slate-100 p-1 dark:bg-slate-800">
      {option(false, "Reply", "r")}
      {option(true, "Internal note", "n")}
    </div>
  );
}
