"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import type { Shortcut } from "../keyboard-shortcuts";

/** The "Keyboard shortcuts" dialog: a native modal <dialog> (focus trapped, Escape closes). */
export function ShortcutsHelp({ open, shortcuts, onClose }: { open: boolean; shortcuts: readonly Shortcut[]; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-6 text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {open ? (
        <>
          <h2 id="shortcuts-title" className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">They work anywhere on the page except while you type in a field.</p>
          <table className="mt-4 w-full text-sm">
            <caption className="sr-only">Keyboard shortcuts</caption>
            <thead>
              <tr className="text-left text-xs text-slate-600 uppercase dark:text-slate-300">
                <th scope="col" className="py-1 pr-4">
                  Key
                </th>
                <th scope="col" className="py-1">
                  Action
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {shortcuts.map((s) => (
                <tr key={s.key}>
                  <th scope="row" className="py-1.5 pr-4 text-left">
                    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono dark:border-slate-600 dark:bg-slate-800">{s.label}</kbd>
                  </th>
                  <td className="py-1.5">{s.action}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-6 flex justify-end">
            <Button variant="secondary" onClick={onClose} autoFocus>
              Close
            </Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
