"use client";

import { useEffect, useMemo } from "react";
import type { PbxConnectionSettingsView } from "@switchboard/contracts";
import { useRealtimeContext } from "@/features/realtime/realtime-provider";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { applyConnectionEvents, PBX_TOPICS } from "../live-connection";

/**
 * The AMI connection as read at `snapshotSeq`, patched with every pbx.status_changed this tab
 * applied since (the connector writes its status through the db layer). A change this view cannot
 * place — a gap, or a connection it did not know — refetches the page instead.
 */
export function useLiveConnection(initial: PbxConnectionSettingsView | null, snapshotSeq: number): PbxConnectionSettingsView | null {
  const { requestRefresh } = useRealtimeContext();
  const events = useEventsSince(snapshotSeq, PBX_TOPICS);
  const result = useMemo(() => applyConnectionEvents(initial, events), [initial, events]);

  useEffect(() => {
    if (result.stale) requestRefresh();
  }, [result.stale, requestRefresh]);

  return result.view;
}
