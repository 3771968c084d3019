"use client";

import { useId } from "react";
import { isDisconnected } from "./connection-status";
import { useRealtimeSnapshot } from "./realtime-provider";

/**
 * Controls that act on the PBX right now (call control, agent pause and sign-in) are off while the
 * console has no connection: the command could not be confirmed and the state shown may be stale.
 * `describedBy` ties the controls to the note that says why.
 */
export function useOfflineControls(): { offline: boolean; describedBy: string | undefined; noteId: string } {
  const offline = isDisconnected(useRealtimeSnapshot().status);
  const noteId = useId();
  return { offline, describedBy: offline ? noteId : undefined, noteId };
}

/** The line under offline controls that says why they are off. */
export function OfflineControlsNote({ id, offline, what }: { id: string; offline: boolean; what: string }) {
  if (!offline) return null;
  return (
    <p id={id} className="basis-full text-xs text-slate-600 dark:text-slate-400">
      {what} is off while the connection is lost.
    </p>
  );
}
