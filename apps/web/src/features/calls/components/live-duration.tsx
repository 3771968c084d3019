"use client";

import { createContext, useContext } from "react";
import type { CallView } from "@switchboard/contracts";
import { elapsedSeconds, formatDuration, holdSecondsAt } from "../call-format";
import { useNow } from "../use-now";

/** Server clock minus browser clock, so durations count from the server's startedAt, not a skewed local clock. */
export const ClockOffsetContext = createContext(0);

export function useServerNow(): number | null {
  const now = useNow();
  const offset = useContext(ClockOffsetContext);
  return now === null ? null : now + offset;
}

/** How long the call has lasted (or, given another start, e.g. answeredAt, that part of it), ticking every second on one shared ticker. */
export function LiveDuration({ call, label = "Duration" }: { call: Pick<CallView, "startedAt">; label?: string }) {
  const now = useServerNow();
  return (
    <span role="timer" aria-label={label} className="font-mono tabular-nums">
      {now === null ? "…" : formatDuration(elapsedSeconds(call, now))}
    </span>
  );
}

/** Time on hold so far (all holds), ticking while the call is on hold. */
export function LiveHoldTime({ call }: { call: Pick<CallView, "holdSeconds" | "holdStartedAt"> }) {
  const now = useServerNow();
  const seconds = now === null ? call.holdSeconds : holdSecondsAt(call, now);
  return (
    <span role="timer" aria-label="Time on hold" className="font-mono tabular-nums">
      {seconds === 0 && !call.holdStartedAt ? "—" : formatDuration(seconds)}
    </span>
  );
}
