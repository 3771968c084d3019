"use client";

import { useEffect, useMemo } from "react";
import type { DomainEvent } from "@switchboard/contracts";
import { useRealtimeContext, useRealtimeSnapshot } from "./realtime-provider";

const NONE: readonly DomainEvent[] = [];

/**
 * The events this tab applied after a snapshot taken at `snapshotSeq` (deduplicated by id, in seq
 * order), re-read whenever one arrives: undefined until the tab's connection exists, null when the
 * tab cannot vouch for everything since the snapshot (it connected later, or resynced).
 */
export function useBufferSince(snapshotSeq: number): readonly DomainEvent[] | null | undefined {
  const { client } = useRealtimeContext();
  const { version } = useRealtimeSnapshot();
  return useMemo(
    () => client?.buffer.since(snapshotSeq),
    // version is the buffer's change signal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, version, snapshotSeq]
  );
}

/**
 * The events to patch a server snapshot taken at `snapshotSeq` with (none until connected). When
 * the tab cannot vouch for everything since the snapshot, the page is refetched instead of guessing
 * and, meanwhile, no events are applied.
 */
export function useEventsSince(snapshotSeq: number): readonly DomainEvent[] {
  const { requestRefresh } = useRealtimeContext();
  const events = useBufferSince(snapshotSeq);
  const stale = events === null;

  useEffect(() => {
    if (stale) requestRefresh();
  }, [stale, snapshotSeq, requestRefresh]);

  return events ?? NONE;
}
