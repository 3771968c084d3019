import { JOB_KIND_LABELS } from "@switchboard/contracts";
import { actorName, type EventDescribers } from "@/features/realtime/describe-event";
import type { JobEventType } from "./apply-job-events";

/** Toasts for jobs: when one starts (for others) and how it ended; progress shows on the bars. */
export const jobDescribers = {
  "job.queued": (event) => `${actorName(event)} started: ${JOB_KIND_LABELS[event.data.kind].toLowerCase()}`,
  "job.progress": null,
  "job.completed": (event) => `${JOB_KIND_LABELS[event.data.kind]} finished: ${event.data.result?.summary ?? "done"}`,
  "job.failed": (event) =>
    event.data.state === "cancelled"
      ? `${JOB_KIND_LABELS[event.data.kind]} cancelled`
      : `${JOB_KIND_LABELS[event.data.kind]} failed: ${event.data.error ?? event.data.result?.summary ?? "unknown error"}`
} satisfies EventDescribers<JobEventType>;
