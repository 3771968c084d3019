"use client";

import { useRef, useState } from "react";
import { ATTACHMENT_SIZE_MAX, ATTACHMENTS_MAX, ATTACHMENTS_TOTAL_MAX } from "@switchboard/contracts";
import { Button } from "@/components/ui/button";
import { controlClasses, describedBy, FieldError, FieldHint } from "@/components/ui/field";
import { formatSize } from "@/lib/format-size";
import { addAttachments } from "../attachment-choice";

/** The files chosen for a reply or a new ticket, and what is wrong with them (picked too many, refused by the server). */
export function useAttachments() {
  const [files, setFiles] = useState<File[]>([]);
  const [error, setError] = useState<string | undefined>();
  return {
    files,
    error,
    setError,
    pick(picked: File[]) {
      const next = addAttachments(files, picked);
      setFiles(next.files);
      setError(next.problem ?? undefined);
    },
    remove(file: File) {
      setFiles(files.filter((f) => f !== file));
      setError(undefined);
    },
    clear() {
      setFiles([]);
      setError(undefined);
    }
  };
}

interface AttachmentPickerProps {
  id: string;
  attachments: ReturnType<typeof useAttachments>;
  disabled?: boolean;
}

/** The reply's files: pick (several at once), see each with its size, remove any before sending. */
export function AttachmentPicker({ id, attachments, disabled }: AttachmentPickerProps) {
  const { files, error } = attachments;
  const input = useRef<HTMLInputElement>(null);
  const hint = `Up to ${ATTACHMENTS_MAX} files, ${formatSize(ATTACHMENT_SIZE_MAX)} each and ${formatSize(ATTACHMENTS_TOTAL_MAX)} together.`;
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="text-sm font-medium text-slate-800 dark:text-slate-200">
        Attach files
      </label>
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        disabled={disabled}
        className={controlClasses}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          attachments.pick([...(event.target.files ?? [])]);
          // Cleared, so picking the same file again after removing it is a change.
          event.target.value = "";
        }}
      />
      <FieldHint id={`${id}-hint`}>{hint}</FieldHint>
      <FieldError id={`${id}-error`} message={error} />
      {files.length > 0 ? (
        <ul aria-label="Files to send" className="flex flex-wrap gap-2 text-sm">
          {files.map((file) => (
            <li key={`${file.name}-${file.size}`} className="flex items-center gap-2 rounded border border-slate-300 py-1 pr-1 pl-2 dark:border-slate-600">
              <span>
                {file.name} · {formatSize(file.size)}
              </span>
              <Button
                size="sm"
                variant="secondary"
                aria-label={`Remove ${file.name}`}
                disabled={disabled}
                onClick={() => {
                  attachments.remove(file);
                  input.current?.focus();
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
