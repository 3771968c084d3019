"use client";

import { useState, useTransition } from "react";
import type { ImportKind, ImportPreviewView, JobView } from "@switchboard/contracts";
import { PlainTable } from "@/components/data-table/plain-table";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { controlClasses, FieldFrame } from "@/components/ui/field";
import { Panel } from "@/components/ui/panel";
import { callAction } from "@/components/forms/call-action";
import { previewImportAction, startImportAction } from "../actions/job-actions";
import { StartedImport } from "./started-import";

/** What the form says about each kind's file. */
const KIND_TEXT: Record<ImportKind, { columns: string; many: string }> = {
  extensions: {
    columns:
      "Columns: number, display_name, sip_username, sip_secret, and optionally transport, codecs (separated by ;), voicemail_enabled, enabled. The first line names the columns.",
    many: "extensions"
  },
  users: {
    columns:
      "Columns: email, name, role (admin, supervisor, agent or customer), and optionally offices (office names separated by ;). The first line names the columns. Staff are invited; customers are added without sign-in.",
    many: "users"
  }
};

/**
 * Upload → preview (every row checked, nothing written) → import as a job whose progress shows
 * here and in every admin tab. All-or-nothing unless "valid rows only" is chosen.
 */
export function ImportForm({ kind }: { kind: ImportKind }) {
  const text = KIND_TEXT[kind];
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
      const result = await callAction(() => previewImportAction({ kind, csv }));
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
      const result = await callAction(() => startImportAction({ kind, csv, mode: validOnly ? "valid_rows" : "all_or_nothing" }));
      if (result.ok) setJob(result.data);
      else setMessage(result.error.message);
    });
  const blocked = !preview || preview.validCount === 0 || (preview.errors.length > 0 && !validOnly);

  return (
    <div className="space-y-6">
      <Panel className="space-y-4 p-6">
        <FormAlert message={message} />
        <FieldFrame id="import-file" label="CSV file" hint={text.columns}>
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
            Import {validOnly ? preview.validCount : preview.total} {text.many}
          </Button>
        </Panel>
      ) : null}
      {job ? <StartedImport job={job} /> : null}
    </div>
  );
}
