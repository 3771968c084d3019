"use client";

import Link from "next/link";
import { FINISHED_JOB_STATES, JOB_KIND_LABELS, type JobView } from "@switchboard/contracts";
import { useLiveJobs } from "../use-live-jobs";
import { JobProgress } from "./job-progress";

/**
 * Jobs in progress, under the header of every tab (admins see the organization's, others their
 * own): the same bars move everywhere, from the same events.
 */
export function ActiveJobsTray({ initial, seq }: { initial: JobView[]; seq: number }) {
  const jobs = useLiveJobs(initial, seq).filter((job) => !FINISHED_JOB_STATES.has(job.state));
  if (jobs.length === 0) return null;
  return (
    <section aria-label="Jobs in progress" className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
      <ul className="mx-auto flex max-w-7xl flex-wrap gap-x-8 gap-y-2 px-4 py-2 sm:px-6 lg:px-8">
        {jobs.map((job) => (
          <li key={job.id} className="flex items-center gap-3 text-sm">
            <Link href="/jobs" className="font-medium text-brand-700 hover:underline dark:text-brand-300">
              {JOB_KIND_LABELS[job.kind]}
              {job.createdByName ? ` by ${job.createdByName}` : ""}
            </Link>
            <JobProgress job={job} className="w-56" />
          </li>
        ))}
      </ul>
    </section>
  );
}
