"use client";

import { useEffect, useMemo } from "react";
import type { DomainEvent } from "@switchboard/contracts";
import { useRealtimeContext, useRealtimeSnapshot } from "@/features/realtime/realtime-provider";

/**
 * The events this tab applied after a server snapshot taken at `snapshotSeq`, re-read whenever
 * one arrives. When the tab cannot vouch for everything since the snapshot (it connected later or
 * resynced) the page is refetched and, meanwhile, no events are applied.
 */
export function useEventsSince(snapshotSeq: number): readonly DomainEvent[] {
  const { client, requestRefresh } = useRealtimeContext();
  const { version } = useRealtimeSnapshot();
  const result = useMemo(() => {
    const events = client?.buffer.since(snapshotSeq);
    if (!client || events === undefined) return { events: [] as DomainEvent[], stale: false };
    if (events === null) return { events: [] as DomainEvent[], stale: true };
    return { events, stale: false };
    // version is the buffer's change signal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, version, snapshotSeq]);

  useEffect(() => {
    if (result.stale) requestRefresh();
  }, [result.stale, snapshotSeq, requestRefresh]);

  return result.events;
}
