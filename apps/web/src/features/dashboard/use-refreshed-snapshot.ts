"use client";

import { useEffect, useState } from "react";
import type { DomainEvent, Topic } from "@switchboard/contracts";
import { useRealtimeSnapshot } from "@/features/realtime/realtime-provider";
import { useBufferSince } from "@/features/realtime/use-events-since";
import type { ActionResult } from "@/lib/action-result";

/**
 * Server-computed figures kept current: when events of `topics` that `affects` arrive after the
 * snapshot's seq (or the buffer cannot tell, after a gap), re-read them through `refresh`,
 * debounced by `delayMs`. `affects` and `refresh` must be stable (module-level) functions.
 */
export function useRefreshedSnapshot<S extends { seq: number }>(
  initial: S,
  topics: readonly Topic[],
  affects: (events: readonly DomainEvent[]) => boolean,
  refresh: () => Promise<ActionResult<S>>,
  delayMs: number
): S {
  const { version } = useRealtimeSnapshot();
  const [fetched, setFetched] = useState<S | null>(null);
  const current = fetched && fetched.seq > initial.seq ? fetched : initial;
  const events = useBufferSince(current.seq, topics);

  // version restarts the debounce on every applied event, a gap's included.
  useEffect(() => {
    if (events === undefined) return;
    if (events && !affects(events)) return;
    const timer = setTimeout(async () => {
      const result = await refresh();
      if (result.ok) setFetched(result.data);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [events, version, current.seq, affects, refresh, delayMs]);

  return current;
}
