"use client";

import { useEffect, useMemo } from "react";
import type { DomainEvent } from "@switchboard/contracts";
import { useRealtimeContext, useRealtimeSnapshot } from "@/features/realtime/realtime-provider";

const NONE: DomainEvent[] = [];

/**
 * The events this tab applied after a page's snapshot seq (none until connected). When the tab
 * cannot vouch for everything since then (it resynced), the page is refetched instead of guessing.
 */
export function useEventsSince(snapshotSeq: number): DomainEvent[] {
  const { client, requestRefresh } = useRealtimeContext();
  const { version } = useRealtimeSnapshot();
  const result = useMemo(() => {
    const events = client?.buffer.since(snapshotSeq);
    if (!client || events === undefined) return { events: NONE, stale: false };
    if (events === null) return { events: NONE, stale: true };
    return { events, stale: false };
    // version is the buffer's change signal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, version, snapshotSeq]);

  useEffect(() => {
    if (result.stale) requestRefresh();
  }, [result.stale, snapshotSeq, requestRefresh]);

  return result.events;
}
