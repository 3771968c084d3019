"use client";

import { useEffect, useMemo } from "react";
import { applyEntityEvents, type EntityKind } from "./apply-entity-events";
import { useRealtimeContext, useRealtimeSnapshot } from "./realtime-provider";

/**
 * A server-rendered list kept current: the rows read at `snapshotSeq`, patched with every event
 * this tab applied after that seq. If the tab cannot vouch for everything since the snapshot (it
 * connected later, or resynced), the page is refetched instead of guessing.
 */
export function useLiveCollection<T extends { id: string }>(kind: EntityKind, initialRows: readonly T[], snapshotSeq: number): T[] {
  const { client, requestRefresh } = useRealtimeContext();
  const { version } = useRealtimeSnapshot();

  const result = useMemo(() => {
    const events = client?.buffer.since(snapshotSeq);
    if (!client || events === undefined) return { rows: initialRows as T[], stale: false };
    if (events === null) return { rows: initialRows as T[], stale: true };
    return { rows: applyEntityEvents(initialRows, events, kind), stale: false };
    // version is the buffer's change signal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, version, initialRows, snapshotSeq, kind]);

  useEffect(() => {
    if (result.stale) requestRefresh();
  }, [result.stale, snapshotSeq, requestRefresh]);

  return result.rows;
}
