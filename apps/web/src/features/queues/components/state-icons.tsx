import type { AgentState } from "@switchboard/contracts";

/**
 * A shape per agent state, so states differ by more than colour: a filled dot (available), a ring
 * (ringing), a square (on a call), an hourglass (wrap-up), two bars (paused), a triangle
 * (unavailable) and a cross (signed out).
 */
export function AgentStateIcon({ state, className = "size-3.5" }: { state: AgentState; className?: string }) {
  const common = { className, viewBox: "0 0 16 16", "aria-hidden": true } as const;
  switch (state) {
    case "available":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6" fill="currentColor" />
        </svg>
      );
    case "ringing":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" strokeWidth="2.5" />
        </svg>
      );
    case "on_call":
      return (
        <svg {...common}>
          <rect x="2.5" y="2.5" width="11" height="11" rx="1.5" fill="currentColor" />
        </svg>
      );
    case "wrap_up":
      return (
        <svg {...common}>
          <path d="M3 2h10L8 8l5 6H3l5-6z" fill="currentColor" />
        </svg>
      );
    case "paused":
      return (
        <svg {...common}>
          <rect x="3" y="2" width="3.5" height="12" fill="currentColor" />
          <rect x="9.5" y="2" width="3.5" height="12" fill="currentColor" />
        </svg>
      );
    case "unavailable":
      return (
        <svg {...common}>
          <path d="M8 2l6.5 12h-13z" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
      );
    case "logged_out":
      return (
        <svg {...common}>
          <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" strokeWidth="2.5" />
        </svg>
      );
  }
}

/** A warning sign: past a threshold. Its shape, not only its colour, says so. */
export function AlarmIcon({ kind, className = "size-4" }: { kind: "wait" | "service_level"; className?: string }) {
  return kind === "wait" ? (
    <svg className={className} viewBox="0 0 16 16" aria-hidden="true">
      <path d="M8 1l7 13H1z" fill="currentColor" />
      <path d="M8 6v4M8 11.5v1" stroke="white" strokeWidth="1.6" />
    </svg>
  ) : (
    <svg className={className} viewBox="0 0 16 16" aria-hidden="true">
      <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
      <path d="M8 4v5M5.5 7L8 10l2.5-3" stroke="white" strokeWidth="1.6" fill="none" />
    </svg>
  );
}

export const AGENT_STATE_TONES: Record<AgentState, string> = {
  available: "text-emerald-700 dark:text-emerald-400",
  ringing: "text-amber-600 dark:text-amber-400",
  on_call: "text-sky-700 dark:text-sky-400",
  wrap_up: "text-violet-700 dark:text-violet-400",
  paused: "text-orange-700 dark:text-orange-400",
  unavailable: "text-red-700 dark:text-red-400",
  logged_out: "text-slate-500 dark:text-slate-400"
};
