"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { createdLabel, FINISHED_JOB_STATES, type JobView } from "@switchboard/contracts";
import { Button } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { Notice, Panel } from "@/components/ui/panel";
import { callAction } from "@/components/forms/call-action";
import { cancelJobAction } from "../actions/job-actions";
import { useLiveJobs } from "../use-live-jobs";
import { JobProgress } from "./job-progress";

/** An import this tab started: its live progress, a cancel button, and what came of it. */
export function StartedImport({ job: started }: { job: JobView }) {
  const [job] = useLiveJobs([started]);
  const [pending, startTransition] = useTransition();
  if (!job) return null;
  const running = !FINISHED_JOB_STATES.has(job.state);
  return (
    <Panel className="space-y-3 p-6">
      <h2 className="text-lg font-semibold">Import {running ? "in progress" : job.state}</h2>
      <JobProgress job={job} />
      {running && !job.cancelRequested ? (
        <Button
          variant="secondary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await callAction(() => cancelJobAction(job.id));
              if (!result.ok) toast.error(result.error.message);
            })
          }
        >
          Cancel import
        </Button>
      ) : null}
      {job.result?.summary ? (
        <Notice tone={job.state === "completed" ? "info" : "error"} title={job.result.summary} role="status">
          {job.error ? <p>{job.error}</p> : null}
          {job.state === "completed" && job.result.created?.length ? (
            <p>
              Created: {job.result.created.slice(0, 30).map(createdLabel).join(", ")}
              {job.result.created.length > 30 ? ", …" : ""}
            </p>
          ) : null}
          {job.result.file && Date.parse(job.result.file.expiresAt) > Date.now() ? (
            <p>
              <a
                href={`/api/v1/exports/${job.id}/file`}
                className="font-medium text-brand-700 hover:underline dark:text-brand-300"
                download={job.result.file.fileName}
              >
                Download the invitation links
              </a>{" "}
              <span className="text-xs text-slate-600 dark:text-slate-400">
                (only you can download them, until <LocalDate iso={job.result.file.expiresAt} />)
              </span>
            </p>
          ) : null}
        </Notice>
      ) : null}
    </Panel>
  );
}
