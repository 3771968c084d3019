"use client";

import { useEffect, useMemo, useState } from "react";
import type { WallboardSnapshot } from "@switchboard/contracts";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { refreshWallboardAction } from "./actions/queue-actions";
import { applyWallboardEvents, QUEUE_TOPICS, type WallboardState } from "./apply-queue-events";
import { callAction } from "@/components/forms/call-action";

/** Waits for a burst of resync events (one per queue) to end before the one re-read. */
const REREAD_DELAY_MS = 750;

/**
 * The wallboard kept current: the snapshot patched with every queue event after it, counted
 * incrementally. It re-reads from the server only when the figures may have moved without events
 * — after a PBX resync of its queues, or when the organization's day ends — never per event.
 * (A realtime gap or resync refetches the whole page, as every live view does.)
 */
export function useWallboard(initial: WallboardSnapshot): { snapshot: WallboardSnapshot; state: WallboardState } {
  const [fetched, setFetched] = useState<WallboardSnapshot | null>(null);
  const snapshot = fetched && fetched.seq >= initial.seq && fetched.dayStart >= initial.dayStart ? fetched : initial;
  const events = useEventsSince(snapshot.seq, QUEUE_TOPICS);
  const state = useMemo(() => applyWallboardEvents(snapshot, events), [snapshot, events]);

  useEffect(() => {
    if (!state.resyncedSinceSnapshot) return;
    const timer = setTimeout(async () => {
      const result = await callAction(() => refreshWallboardAction());
      if (result.ok) setFetched(result.data);
    }, REREAD_DELAY_MS);
    return () => clearTimeout(timer);
  }, [state.resyncedSinceSnapshot, snapshot.seq]);

  useEffect(() => {
    const untilNextDay = Date.parse(snapshot.dayEnd) - Date.now();
    const timer = setTimeout(
      async () => {
        const result = await callAction(() => refreshWallboardAction());
        if (result.ok) setFetched(result.data);
      },
      Math.max(1000, untilNextDay + 1000)
    );
    return () => clearTimeout(timer);
  }, [snapshot.dayEnd]);

  return { snapshot, state };
}
