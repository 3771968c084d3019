"use client";

import { useMemo } from "react";
import type { JobView } from "@switchboard/contracts";
import { useBufferSince } from "@/features/realtime/use-events-since";
import { useRealtimeContext } from "@/features/realtime/realtime-provider";
import { applyJobEvents } from "./apply-job-events";

/**
 * Jobs as this tab last heard of them: the server's list patched with every job event the tab
 * holds. Progress bars only ever move forward from events, so a gap just means a bar waits for
 * the job's next progress event (a few a second) instead of a refetch.
 */
export function useLiveJobs(initial: readonly JobView[], snapshotSeq: number): JobView[] {
  const { client } = useRealtimeContext();
  const since = useBufferSince(snapshotSeq);
  const fallback = useBufferSince(client?.buffer.startSeq ?? snapshotSeq);
  const events = since ?? fallback;
  return useMemo(() => applyJobEvents(initial, events ?? []), [initial, events]);
}
