"use client";

import { useId, useState, type ReactNode, type RefObject } from "react";
import { insertMention, matchMentionCandidates, mentionQueryAt, type MentionCandidate, type MentionQuery } from "../mention-query";
import { TextareaField } from "./textarea-field";

interface MentionTextareaProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  textarea: RefObject<HTMLTextAreaElement | null>;
  /** Who may be mentioned; empty turns suggestions off (customers). */
  candidates: readonly MentionCandidate[];
  hint?: ReactNode;
  error?: string;
  className?: string;
}

/**
 * The message box with @-mention suggestions: typing "@" and a letter opens a listbox of
 * colleagues (the textbox keeps focus and points at the highlighted option with
 * aria-activedescendant); arrows move, Enter or Tab inserts the handle, Escape closes.
 */
export function MentionTextarea({ id, label, value, onChange, onBlur, textarea, candidates, hint, error, className }: MentionTextareaProps) {
  const listId = useId();
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const options = mention && mention.start !== dismissedAt ? matchMentionCandidates(candidates, mention.query) : [];
  const open = options.length > 0;
  const activeOption = open ? options[Math.min(active, options.length - 1)] : undefined;
  const optionId = (c: MentionCandidate) => `${listId}-${c.id}`;

  const track = (text: string, caret: number) => {
    const next = candidates.length ? mentionQueryAt(text, caret) : null;
    if (next?.start !== mention?.start || next?.query !== mention?.query) setActive(0);
    setMention(next);
  };

  const choose = (candidate: MentionCandidate) => {
    const el = textarea.current;
    if (!mention || !el) return;
    const result = insertMention(value, mention, el.selectionStart, candidate.handle);
    onChange(result.text);
    setMention(null);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(result.caret, result.caret);
    });
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || !activeOption) return;
    const index = options.indexOf(activeOption);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index + step + options.length) % options.length);
    } else if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      choose(activeOption);
    } else if (event.key === "Escape") {
      // Closes the suggestions only; the page's own Escape handling is not for this keystroke.
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(mention?.start ?? null);
    }
  };

  return (
    <div className="relative">
      <TextareaField
        ref={textarea}
        id={id}
        label={label}
        rows={5}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          track(e.target.value, e.target.selectionStart);
        }}
        onSelect={(e) => track(e.currentTarget.value, e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setMention(null);
          onBlur?.();
        }}
        aria-autocomplete={candidates.length ? "list" : undefined}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={activeOption ? optionId(activeOption) : undefined}
        hint={hint}
        error={error}
        className={className}
      />
      {open ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Mention a colleague"
          className="absolute z-20 mt-1 max-h-60 w-72 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          {options.map((candidate) => {
            const selected = candidate === activeOption;
            return (
              <li
                key={candidate.id}
                id={optionId(candidate)}
                role="option"
                aria-selected={selected}
                // Keeps focus in the textbox: a click picks without blurring it first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(candidate);
                }}
                className={`cursor-pointer px-3 py-1.5 ${selected ? "bg-brand-100 text-brand-900 dark:bg-brand-900 dark:text-brand-100" : ""}`}
              >
                <span className="font-medium">{candidate.name}</span> <span className="text-slate-500 dark:text-slate-400">@{candidate.handle}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
