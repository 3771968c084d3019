"use client";

import { clsx } from "clsx";
import { useId, useMemo, useState, useTransition, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { matchTransferTargets, type TransferTarget } from "../transfer-targets";
import type { TransferOutcome } from "../use-call-commands";

interface TransferPickerProps {
  targets: readonly TransferTarget[];
  /** Extensions the call is already on. */
  exclude: readonly string[];
  offline: boolean;
  transfer(extension: string): Promise<TransferOutcome>;
  /** After a successful transfer (close the popover). */
  onDone(): void;
}

/**
 * Search an extension by number or name and send the call there: type, arrow to a match, Enter.
 * A number typed in full is sent as typed, so the PBX's "no such extension" can be shown.
 */
export function TransferPicker({ targets, exclude, offline, transfer, onDone }: TransferPickerProps) {
  const inputId = useId();
  const listId = useId();
  const errorId = useId();
  const [typed, setTyped] = useState("");
  // -1: nothing chosen yet (Enter on an empty field sends nothing); typing highlights the first match.
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<{ message: string; field: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const matches = useMemo(() => matchTransferTargets(targets, typed, exclude), [targets, typed, exclude]);
  const current = active < 0 ? undefined : matches[Math.min(active, matches.length - 1)];
  const optionId = (id: string) => `${listId}-${id}`;

  const send = (extension: string) => {
    if (!extension || pending || offline) return;
    startTransition(async () => {
      setError(null);
      const outcome = await transfer(extension);
      if (outcome.ok) onDone();
      else setError({ message: outcome.error, field: outcome.field });
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (matches.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : matches.length - 1) : (Math.min(i, matches.length - 1) + step + matches.length) % matches.length));
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const exact = matches.find((t) => t.number === typed.trim());
    send(exact?.number ?? current?.number ?? typed.trim());
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-busy={pending} className="w-72 space-y-2">
      <label htmlFor={inputId} className="block text-sm font-medium">
        Transfer to extension
      </label>
      <input
        id={inputId}
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? optionId(current.id) : undefined}
        aria-invalid={error?.field ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value);
          setActive(e.target.value.trim() ? 0 : -1);
        }}
        onKeyDown={onKeyDown}
        autoComplete="off"
        placeholder="Number or name"
        className={controlClasses}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Matching extensions"
        className="max-h-64 overflow-auto rounded-md border border-slate-200 empty:hidden dark:border-slate-700"
      >
        {matches.map((target) => (
          <li
            key={target.id}
            id={optionId(target.id)}
            role="option"
            aria-selected={target === current}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => send(target.number)}
            className={clsx(
              "flex cursor-pointer items-baseline gap-2 px-2 py-1 text-sm",
              target === current ? "bg-brand-600 text-white" : "hover:bg-slate-100 dark:hover:bg-slate-800"
            )}
          >
            <span className="font-mono font-semibold">{target.number}</span>
            <span className="truncate">{target.displayName}</span>
            {target.state ? (
              <span className={clsx("ml-auto shrink-0 text-xs", target === current ? "text-white" : "text-slate-600 dark:text-slate-400")}>{target.state}</span>
            ) : null}
          </li>
        ))}
      </ul>
      {matches.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No extension matches; Enter sends the number as typed.</p> : null}
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-slate-600 dark:text-slate-400">↑ ↓ to choose, Enter to transfer, Esc to cancel</p>
        <Button type="submit" size="sm" disabled={pending || offline || (typed.trim() === "" && !current)}>
          Transfer
        </Button>
      </div>
      {offline ? <p className="text-xs text-slate-600 dark:text-slate-400">Call control is off while the connection is lost.</p> : null}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
    </form>
  );
}
