"use client";

import { useMemo } from "react";
import type { JobView } from "@switchboard/contracts";
import { useHeldEvents } from "@/features/realtime/use-events-since";
import { applyJobEvents, JOB_TOPICS } from "./apply-job-events";

/**
 * Jobs as this tab last heard of them: the server's list patched with every job event the tab
 * holds. Progress bars only ever move forward from events, so a gap just means a bar waits for
 * the job's next progress event (a few a second) instead of a refetch. Without `snapshotSeq`
 * (a job this tab just started) the jobs are followed from now on.
 */
export function useLiveJobs(initial: readonly JobView[], snapshotSeq?: number): JobView[] {
  const events = useHeldEvents(JOB_TOPICS, snapshotSeq);
  return useMemo(() => applyJobEvents(initial, events), [initial, events]);
}
