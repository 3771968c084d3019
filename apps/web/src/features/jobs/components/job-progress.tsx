import { clsx } from "clsx";
import { JOB_KIND_LABELS, type JobView } from "@switchboard/contracts";
import { describeProgress } from "../apply-job-events";

/** One job's progress bar with rows done / total, rate and time left (an accessible progressbar). */
export function JobProgress({ job, className }: { job: JobView; className?: string }) {
  const percent = job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : job.state === "completed" ? 100 : 0;
  const label = `${JOB_KIND_LABELS[job.kind]} progress`;
  return (
    <div className={clsx("min-w-48", className)}>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={job.total || 100}
        aria-valuenow={job.total > 0 ? job.done : percent}
        aria-valuetext={describeProgress(job)}
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        <div
          className={clsx(
            "h-full rounded-full transition-[width] duration-200",
            job.state === "failed" || job.state === "cancelled" ? "bg-red-500" : job.state === "completed" ? "bg-emerald-600" : "bg-brand-600"
          )}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="mt-1 text-xs text-slate-600 tabular-nums dark:text-slate-400">{describeProgress(job)}</p>
    </div>
  );
}
