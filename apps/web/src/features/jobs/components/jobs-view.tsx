"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { FINISHED_JOB_STATES, JOB_KIND_LABELS, type JobView } from "@switchboard/contracts";
import { PlainTable } from "@/components/data-table/plain-table";
import { Button } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { Badge } from "@/components/ui/panel";
import { cancelJobAction } from "../actions/job-actions";
import { useLiveJobs } from "../use-live-jobs";
import { JobProgress } from "./job-progress";
import { callAction } from "@/components/forms/call-action";

const STATE_TONES = { queued: "neutral", running: "info", completed: "success", failed: "danger", cancelled: "warning" } as const;

function JobResultCell({ job, viewerId }: { job: JobView; viewerId: string }) {
  const file = job.result?.file;
  const mine = job.createdById === viewerId;
  return (
    <div className="space-y-1">
      {job.result?.summary ? <p>{job.result.summary}</p> : null}
      {job.error ? <p className="text-red-700 dark:text-red-400">{job.error}</p> : null}
      {job.result?.errors?.length ? (
        <details>
          <summary className="cursor-pointer text-sm">{job.result.errors.length} rows with errors</summary>
          <ul className="mt-1 list-disc pl-5 text-xs">
            {job.result.errors.slice(0, 50).map((e) => (
              <li key={e.row}>
                Row {e.row}: {e.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {file && mine && Date.parse(file.expiresAt) > Date.now() ? (
        <p>
          <a href={`/api/v1/exports/${job.id}/file`} className="font-medium text-brand-700 hover:underline dark:text-brand-300" download={file.fileName}>
            Download {file.fileName}
          </a>{" "}
          <span className="text-xs text-slate-600 dark:text-slate-400">
            (until <LocalDate iso={file.expiresAt} />)
          </span>
        </p>
      ) : null}
    </div>
  );
}

/** Running and recent jobs, live: state, progress, who started them, and what came of them. */
export function JobsView({ initial, seq, viewerId }: { initial: JobView[]; seq: number; viewerId: string }) {
  const jobs = useLiveJobs(initial, seq);
  const [pending, startTransition] = useTransition();
  const cancel = (job: JobView) =>
    startTransition(async () => {
      const result = await callAction(() => cancelJobAction(job.id));
      if (result.ok) toast.success(`${JOB_KIND_LABELS[job.kind]}: cancelling`);
      else toast.error(result.error.message);
    });
  return (
    <PlainTable
      caption="Jobs"
      headers={["Job", "State", "Progress", "Started by", "Started", "Result"]}
      actions
      empty={jobs.length === 0 ? "No jobs yet." : null}
    >
      {jobs.map((job) => (
        <tr key={job.id}>
          <td className="px-3 py-2 font-medium">{JOB_KIND_LABELS[job.kind]}</td>
          <td className="px-3 py-2">
            <Badge tone={STATE_TONES[job.state]}>{job.state}</Badge>
          </td>
          <td className="px-3 py-2">
            <JobProgress job={job} />
          </td>
          <td className="px-3 py-2">{job.createdByName ?? "—"}</td>
          <td className="px-3 py-2">
            <LocalDate iso={job.startedAt ?? job.createdAt} />
          </td>
          <td className="px-3 py-2 text-sm">
            <JobResultCell job={job} viewerId={viewerId} />
          </td>
          <td className="px-3 py-2 text-right">
            {!FINISHED_JOB_STATES.has(job.state) && !job.cancelRequested ? (
              <Button
                variant="secondary"
                size="sm"
                disabled={pending}
                onClick={() => cancel(job)}
                aria-label={`Cancel ${JOB_KIND_LABELS[job.kind].toLowerCase()}`}
              >
                Cancel
              </Button>
            ) : null}
          </td>
        </tr>
      ))}
    </PlainTable>
  );
}
