import { jobResultSchema, type JobView } from "@switchboard/contracts";
import type { Job } from "../generated/prisma/client";

export type JobRow = Job & { createdBy?: { name: string } | null };

export const jobIncludes = { createdBy: { select: { name: true } } } as const;

/** Items per second since the job started, and the seconds left at that pace. */
function pace(row: Job, now: number): { ratePerSecond: number | null; etaSeconds: number | null } {
  if (!row.startedAt || row.done <= 0) return { ratePerSecond: null, etaSeconds: null };
  const end = row.finishedAt ? row.finishedAt.getTime() : now;
  const seconds = Math.max(0.001, (end - row.startedAt.getTime()) / 1000);
  const rate = row.done / seconds;
  const left = Math.max(0, row.total - row.done);
  return { ratePerSecond: Math.round(rate * 10) / 10, etaSeconds: row.finishedAt ? 0 : Math.ceil(left / rate) };
}

/** The one mapping from a job row to what /jobs and the job.* events show. */
export function toJobView(row: JobRow): JobView {
  const parsed = row.result === null ? null : jobResultSchema.safeParse(row.result);
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    done: row.done,
    total: row.total,
    ...pace(row, row.updatedAt.getTime()),
    cancelRequested: row.cancelRequested,
    createdById: row.createdById,
    createdByName: row.createdById ? (row.createdBy?.name ?? null) : null,
    error: row.error,
    result: parsed?.success ? parsed.data : null,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString()
  };
}
