"use client";

import type { TicketStatus } from "@switchboard/contracts";
import { slaStateOf, type SlaTone } from "../sla-state";
import { useNow } from "../use-now";

const TONES: Record<SlaTone, string> = {
  on_track: "text-slate-700 dark:text-slate-200",
  at_risk: "rounded bg-amber-100 px-1.5 py-0.5 font-semibold text-amber-900 dark:bg-amber-900/60 dark:text-amber-100",
  overdue: "rounded bg-red-100 px-1.5 py-0.5 font-semibold text-red-800 dark:bg-red-900/60 dark:text-red-100"
};
const ICONS: Record<SlaTone, string> = { on_track: "", at_risk: "⚠ ", overdue: "⏰ " };

/** "due in 2h 10m", ticking live; amber when at risk and red when overdue, always said in words too. */
export function SlaCountdown({ ticket }: { ticket: { createdAt: string; slaDueAt: string; status: TicketStatus } }) {
  const now = useNow();
  if (now === null) return <span className="text-slate-500">…</span>;
  const state = slaStateOf(ticket, now);
  if (!state) return <span className="text-slate-500 dark:text-slate-400">not running</span>;
  return (
    <span className={`whitespace-nowrap ${TONES[state.tone]}`} data-sla={state.tone}>
      <span aria-hidden="true">{ICONS[state.tone]}</span>
      {state.text}
    </span>
  );
}
