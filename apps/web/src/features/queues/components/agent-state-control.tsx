"use client";

import { clsx } from "clsx";
import { useEffect, useId, useMemo, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { toast } from "sonner";
import type { AgentStateRequest, PauseReasonView } from "@switchboard/contracts";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { useNow } from "@/features/calls/use-now";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { OfflineControlsNote, useOfflineControls } from "@/features/realtime/use-offline-controls";
import { changeAgentStateAction } from "../actions/agent-state-actions";
import { applyOwnMemberships, type OwnMembership } from "../apply-own-memberships";
import { QUEUE_TOPICS } from "../apply-queue-events";
import { useLivePauseReasons, usePauseReasonChoice } from "../use-pause-reasons";
import { agentStateLabel, combineMemberships } from "../wallboard-figures";
import { LiveSince } from "./live-since";
import { AGENT_STATE_TONES, AgentStateIcon } from "./state-icons";

export interface AgentStateControlProps {
  userId: string;
  seq: number;
  memberships: OwnMembership[];
  pauseReasons: PauseReasonView[];
}

/**
 * The agent's own queue state, from anywhere in the console: a button in the header showing it,
 * opening a panel to sign in or out of the queues, pause with one of the organization's reasons or
 * resume. Keyboard: Enter/Space opens, Tab moves through, Escape closes and returns to the button.
 * What the panel shows is what the PBX confirmed (the member's events), not what was asked.
 */
export function AgentStateControl({ userId, seq, memberships: initial, pauseReasons: initialReasons }: AgentStateControlProps) {
  const events = useEventsSince(seq, QUEUE_TOPICS);
  const memberships = useMemo(() => applyOwnMemberships(initial, events, userId), [initial, events, userId]);
  const now = useNow() ?? Date.parse(initial[0]?.updatedAt ?? new Date(0).toISOString());
  const combined = combineMemberships(
    memberships.map((m) => ({ member: m, queueName: m.queueName })),
    now
  );
  const [open, setOpen] = useState(false);
  const pauseReasons = useLivePauseReasons(initialReasons, seq);
  const [reason, setReason] = usePauseReasonChoice(pauseReasons);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { offline, describedBy, noteId } = useOfflineControls();
  const busy = pending || offline;
  const panelId = useId();
  const reasonId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>("button, select")?.focus();
    const outside = (event: MouseEvent) => {
      if (!panel.current?.contains(event.target as Node) && !toggle.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [open]);

  if (memberships.length === 0) return null;
  const extensions = [...new Set(memberships.map((m) => m.extensionId))];
  const label = agentStateLabel(combined.state, combined.pauseReason);
  const canPause = memberships.some((m) => m.loggedIn && !m.paused);

  const run = (request: AgentStateRequest) =>
    startTransition(async () => {
      setError(null);
      for (const extensionId of extensions) {
        const result = await changeAgentStateAction(extensionId, request);
        if (!result.ok) {
          setError(result.error);
          return;
        }
        toast.success(result.message);
      }
      // Done: the button shows the new state (once the PBX confirms it); focus goes back to it.
      setOpen(false);
      toggle.current?.focus();
    });

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "Escape") return;
    setOpen(false);
    toggle.current?.focus();
  };

  return (
    <div className="relative min-w-0" onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        title={`Queue status: ${label}`}
        className="inline-flex max-w-full min-w-0 items-center gap-1.5 rounded-md border border-slate-300 px-2 py-1.5 text-sm hover:bg-slate-100 sm:px-2.5 dark:border-slate-600 dark:hover:bg-slate-800"
      >
        <span className={clsx("inline-flex shrink-0", AGENT_STATE_TONES[combined.state])}>
          <AgentStateIcon state={combined.state} />
        </span>
        {/* On a phone the words shorten to fit beside the bell and Menu; the full text stays in the name. */}
        <span className="min-w-0 truncate">
          <span className="sr-only sm:not-sr-only">Queue status: </span>
          <span className="font-semibold">{label}</span>
        </span>
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          role="group"
          aria-label="Your queue status"
          aria-busy={pending}
          aria-describedby={describedBy}
          className="absolute right-0 z-30 mt-2 w-[min(20rem,calc(100vw-2rem))] space-y-3 rounded-md border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
        >
          <ul className="space-y-1">
            {memberships.map((m) => (
              <li key={m.id} className="flex items-center justify-between gap-2">
                <span className="font-medium">{m.queueName}</span>
                <span className={clsx("inline-flex items-center gap-1", AGENT_STATE_TONES[m.state])}>
                  <AgentStateIcon state={m.state} />
                  {agentStateLabel(m.state, m.pauseReason)}
                  <LiveSince
                    since={m.stateSince}
                    label={`Time in this state in ${m.queueName}`}
                    className="font-mono text-xs text-slate-600 tabular-nums dark:text-slate-400"
                  />
                </span>
              </li>
            ))}
          </ul>
          {canPause && pauseReasons.length > 0 ? (
            <div className="flex items-end gap-2">
              <div className="flex-1">
                <label htmlFor={reasonId} className="mb-1 block text-xs font-medium">
                  Pause reason
                </label>
                <select id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} className={`${controlClasses} py-1.5`}>
                  {pauseReasons.map((r) => (
                    <option key={r.id} value={r.label}>
                      {r.label}
                    </option>
                  ))}
                </select>
              </div>
              <Button size="sm" disabled={busy || !reason} onClick={() => run({ action: "pause", reason })}>
                Pause
              </Button>
            </div>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {combined.paused ? (
              <Button size="sm" disabled={busy} onClick={() => run({ action: "unpause" })}>
                Resume
              </Button>
            ) : null}
            {memberships.some((m) => !m.loggedIn) ? (
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => run({ action: "login" })}>
                Sign in to queues
              </Button>
            ) : null}
            {combined.signedIn ? (
              <Button size="sm" variant="ghost" disabled={busy} onClick={() => run({ action: "logout" })}>
                Sign out of queues
              </Button>
            ) : null}
          </div>
          <OfflineControlsNote id={noteId} offline={offline} what="Changing your queue status" />
          {error ? (
            <p role="alert" className="text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
