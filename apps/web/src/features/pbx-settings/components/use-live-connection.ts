"use client";

import { useEffect, useMemo } from "react";
import type { PbxConnectionSettingsView } from "@switchboard/contracts";
import { useRealtimeContext, useRealtimeSnapshot } from "@/features/realtime/realtime-provider";

/**
 * The AMI connection as read at `snapshotSeq`, patched with every pbx.status_changed this tab
 * applied since (the connector writes its status through the db layer). A change this view cannot
 * place — a gap, or a connection it did not know — refetches the page instead.
 */
export function useLiveConnection(initial: PbxConnectionSettingsView | null, snapshotSeq: number): PbxConnectionSettingsView | null {
  const { client, requestRefresh } = useRealtimeContext();
  const { version } = useRealtimeSnapshot();

  const result = useMemo(() => {
    const events = client?.buffer.since(snapshotSeq);
    if (!client || events === undefined) return { view: initial, stale: false };
    if (events === null) return { view: initial, stale: true };
    let view = initial;
    let stale = false;
    for (const event of events) {
      if (event.type !== "pbx.status_changed") continue;
      if (view && event.data.id === view.id) view = { ...view, ...event.data };
      else stale = true;
    }
    return { view, stale };
    // version is the buffer's change signal.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, version, initial, snapshotSeq]);

  useEffect(() => {
    if (result.stale) requestRefresh();
  }, [result.stale, requestRefresh]);

  return result.view;
}
