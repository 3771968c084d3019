"use client";

import { clsx } from "clsx";
import { CONNECTION_LABELS, type ConnectionStatus } from "./connection-status";
import { useRealtimeSnapshot } from "./realtime-provider";

const DOT: Record<ConnectionStatus, string> = {
  connecting: "bg-slate-400",
  live: "bg-emerald-500",
  reconnecting: "bg-amber-500 motion-safe:animate-pulse",
  offline: "bg-red-500",
  delayed: "bg-amber-500"
};

/** The console's connection state, in words (the dot only repeats it). */
export function ConnectionIndicator() {
  const { status } = useRealtimeSnapshot();
  return (
    <p
      role="status"
      data-status={status}
      className="inline-flex items-center gap-2 rounded-full border border-slate-200 px-2.5 py-1 text-xs font-medium text-slate-700 dark:border-slate-700 dark:text-slate-200"
    >
      <span aria-hidden="true" className={clsx("size-2 rounded-full", DOT[status])} />
      {CONNECTION_LABELS[status]}
    </p>
  );
}
