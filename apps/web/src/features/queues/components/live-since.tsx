"use client";

import { formatDuration } from "@/features/calls/call-format";
import { useServerNow } from "@/features/calls/components/live-duration";

/** Time since `since`, ticking every second on the page's one shared ticker (server clock). */
export function LiveSince({ since, label, className }: { since: string; label: string; className?: string }) {
  const now = useServerNow();
  return (
    <span role="timer" aria-label={label} className={className ?? "font-mono tabular-nums"}>
      {now === null ? "…" : formatDuration((now - Date.parse(since)) / 1000)}
    </span>
  );
}
