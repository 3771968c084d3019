import { FINISHED_JOB_STATES, type DomainEvent, type JobView } from "@switchboard/contracts";
import type { EventFamily } from "@/features/realtime/event-types";
import { familiesFor } from "@/features/realtime/topics";

export type JobEventType = EventFamily<"job">;
export const JOB_TOPICS = familiesFor<JobEventType>()(["jobs"]);

function isJobEvent(event: DomainEvent): event is Extract<DomainEvent, { type: JobEventType }> {
  return event.type.startsWith("job.");
}

/** Jobs patched with their events: each event carries the job's whole state; newest jobs first. */
export function applyJobEvents(rows: readonly JobView[], events: readonly DomainEvent[]): JobView[] {
  const jobs = events.filter(isJobEvent);
  if (jobs.length === 0) return rows as JobView[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const event of jobs) {
    const current = byId.get(event.data.id);
    // Never backwards: a finished job stays finished, and an event older than what is shown is skipped.
    if (current && FINISHED_JOB_STATES.has(current.state) && !FINISHED_JOB_STATES.has(event.data.state)) continue;
    if (current && event.data.updatedAt < current.updatedAt) continue;
    byId.set(event.data.id, event.data);
  }
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** "1,234 of 2,000 · 310/s · 3 s left" */
export function describeProgress(job: JobView): string {
  const parts = [job.total > 0 ? `${job.done.toLocaleString("en")} of ${job.total.toLocaleString("en")}` : `${job.done.toLocaleString("en")} done`];
  if (job.ratePerSecond !== null && job.state === "running") parts.push(`${job.ratePerSecond.toLocaleString("en")}/s`);
  if (job.etaSeconds !== null && job.state === "running") parts.push(`${formatSeconds(job.etaSeconds)} left`);
  return parts.join(" · ");
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${seconds % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
