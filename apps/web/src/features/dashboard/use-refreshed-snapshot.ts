"use client";

import { useEffect, useState } from "react";
import type { DomainEvent } from "@switchboard/contracts";
import { useRealtimeContext, useRealtimeSnapshot } from "@/features/realtime/realtime-provider";
import type { ActionResult } from "@/lib/action-result";

/**
 * Server-computed figures kept current: when events that `affects` arrive after the snapshot's seq
 * (or the buffer cannot tell, after a gap), re-read them through `refresh`, debounced by `delayMs`.
 * `affects` and `refresh` must be stable (module-level) functions.
 */
export function useRefreshedSnapshot<S extends { seq: number }>(
  initial: S,
  affects: (events: readonly DomainEvent[]) => boolean,
  refresh: () => Promise<ActionResult<S>>,
  delayMs: number
): S {
  const { client } = useRealtimeContext();
  const { version } = useRealtimeSnapshot();
  const [fetched, setFetched] = useState<S | null>(null);
  const current = fetched && fetched.seq > initial.seq ? fetched : initial;

  useEffect(() => {
    if (!client) return;
    const events = client.buffer.since(current.seq);
    if (events && !affects(events)) return;
    const timer = setTimeout(async () => {
      const result = await refresh();
      if (result.ok) setFetched(result.data);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [client, version, current.seq, affects, refresh, delayMs]);

  return current;
}
