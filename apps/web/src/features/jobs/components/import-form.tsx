"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { FINISHED_JOB_STATES, type ImportPreviewView, type JobView } from "@switchboard/contracts";
import { PlainTable } from "@/components/data-table/plain-table";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { controlClasses, FieldFrame } from "@/components/ui/field";
import { Notice, Panel } from "@/components/ui/panel";
import { cancelJobAction, previewImportAction, startImportAction } from "../actions/job-actions";
import { useLiveJobs } from "../use-live-jobs";
import { JobProgress } from "./job-progress";
import { callAction } from "@/components/forms/call-action";

function StartedImport({ job: started }: { job: JobView }) {
  const [job] = useLiveJobs([started], 0);
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
              Created:{" "}
              {job.result.created
                .slice(0, 30)
                .map((c) => c.number)
                .join(", ")}
              {job.result.created.length > 30 ? ", …" : ""}
            </p>
          ) : null}
        </Notice>
      ) : null}
    </Panel>
  );
}

/**
 * Upload → preview (every row checked, nothing written) → import as a job whose progress shows
 * here and in every admin tab. All-or-nothing unless "valid rows only" is chosen.
 */
export function ImportForm() {
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [job, setJob] = useState<JobView | null>(null);
  const [pending, startTransition] = useTransition();

  const choose = async (file: File | undefined) => {
    setPreview(null);
    setJob(null);
    setMessage(null);
    setCsv(file ? await file.text() : null);
  };
  const check = () =>
    startTransition(async () => {
      if (!csv) return;
      const result = await callAction(() => previewImportAction({ csv }));
      if (result.ok) {
        setPreview(result.data);
        setMessage(null);
      } else {
        setPreview(null);
        setMessage(result.error.message);
      }
    });
  const start = () =>
    startTransition(async () => {
      if (!csv) return;
      const result = await callAction(() => startImportAction({ csv, mode: validOnly ? "valid_rows" : "all_or_nothing" }));
      if (result.ok) setJob(result.data);
      else setMessage(result.error.message);
    });
  const blocked = !preview || preview.validCount === 0 || (preview.errors.length > 0 && !validOnly);

  return (
    <div className="space-y-6">
      <Panel className="space-y-4 p-6">
        <FormAlert message={message} />
        <FieldFrame
          id="import-file"
          label="CSV file"
          hint="Columns: number, display_name, sip_username, sip_secret, and optionally transport, codecs (separated by ;), voicemail_enabled, enabled. The first line names the columns."
        >
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            className={controlClasses}
            onChange={(e) => void choose(e.target.files?.[0])}
            aria-describedby="import-file-hint"
          />
        </FieldFrame>
        <Button onClick={check} disabled={!csv || pending}>
          Check file
        </Button>
      </Panel>
      {preview ? (
        <Panel className="space-y-4 p-6">
          <h2 className="text-lg font-semibold">Preview</h2>
          <p role="status">
            {preview.total} rows: {preview.validCount} ready to import, {preview.errors.length} with errors. Nothing has been written yet.
          </p>
          {preview.errors.length > 0 ? (
            <PlainTable caption="Rows with errors" headers={["Row", "Problem"]} empty={null}>
              {preview.errors.map((e) => (
                <tr key={e.row}>
                  <td className="px-3 py-2 tabular-nums">{e.row}</td>
                  <td className="px-3 py-2">{e.message}</td>
                </tr>
              ))}
            </PlainTable>
          ) : null}
          {preview.errors.length > 0 ? (
            <CheckboxField
              id="import-valid-only"
              label="Import the valid rows only (skip the rows with errors)"
              hint="Unticked, the import is all-or-nothing: fix the rows above first."
              checked={validOnly}
              onChange={(e) => setValidOnly(e.target.checked)}
            />
          ) : null}
          <Button onClick={start} disabled={blocked || pending || Boolean(job)}>
            Import {validOnly ? preview.validCount : preview.total} extensions
          </Button>
        </Panel>
      ) : null}
      {job ? <StartedImport job={job} /> : null}
    </div>
  );
}
