"use client";

import { useEffect, useRef, useState, type Dispatch, type SetStateAction } from "react";
import type { DomainEvent, Topic } from "@switchboard/contracts";
import { useRealtimeSnapshot } from "@/features/realtime/realtime-provider";
import { useBufferSince } from "@/features/realtime/use-events-since";
import type { ActionResult } from "@/lib/action-result";

/**
 * Server-computed figures kept current: when events of `topics` that `affects` arrive after the
 * snapshot's seq (or the buffer cannot tell, after a gap), re-read them through `refresh`
 * `delayMs` after the first of them (the ones that follow within it ride along, and a steady
 * stream cannot put the re-read off); with `everyMs`, also that often (figures that move with the
 * clock, such as what is overdue). `affects` and `refresh` must be stable (module-level) functions.
 */
export function useRefreshedSnapshot<S extends { seq: number }>(
  initial: S,
  topics: readonly Topic[],
  affects: (events: readonly DomainEvent[]) => boolean,
  refresh: () => Promise<ActionResult<S>>,
  delayMs: number,
  everyMs?: number
): S {
  const { version } = useRealtimeSnapshot();
  const [fetched, setFetched] = useState<S | null>(null);
  // A re-read at the same seq is as current, and later on the clock.
  const current = fetched && fetched.seq >= initial.seq ? fetched : initial;
  const events = useBufferSince(current.seq, topics);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (everyMs === undefined) return;
    const timer = setInterval(() => void refresh().then((result) => keepNewest(result, setFetched)), everyMs);
    return () => clearInterval(timer);
  }, [refresh, everyMs]);

  // version: the buffer changed (an event applied, a gap's included).
  useEffect(() => {
    if (events === undefined || pending.current) return;
    if (events && !affects(events)) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      void refresh().then((result) => keepNewest(result, setFetched));
    }, delayMs);
  }, [events, version, current.seq, affects, refresh, delayMs]);

  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = null;
    },
    []
  );

  return current;
}

/** Re-reads may overlap: an older answer never replaces a newer one. */
function keepNewest<S extends { seq: number }>(result: ActionResult<S>, set: Dispatch<SetStateAction<S | null>>): void {
  if (result.ok) set((before) => (before && before.seq > result.data.seq ? before : result.data));
}
