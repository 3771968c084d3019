import { FINISHED_JOB_STATES, type EventType } from "@switchboard/contracts";
import type { Job } from "../generated/prisma/client";

export type JobEventType = Extract<EventType, `job.${string}`>;

/** job.queued when created; job.completed / job.failed when it reaches that end; job.progress otherwise. */
export function jobEventType(verb: "created" | "updated", before: Job | null, after: Job): JobEventType {
  if (verb === "created") return "job.queued";
  if (before?.state !== after.state && FINISHED_JOB_STATES.has(after.state)) return after.state === "completed" ? "job.completed" : "job.failed";
  return "job.progress";
}
