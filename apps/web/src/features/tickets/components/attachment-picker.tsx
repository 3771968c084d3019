"use client";

import { useRef } from "react";
import { ATTACHMENT_SIZE_MAX, ATTACHMENTS_MAX, ATTACHMENTS_TOTAL_MAX } from "@switchboard/contracts";
import { Button } from "@/components/ui/button";
import { controlClasses, describedBy, FieldError, FieldHint } from "@/components/ui/field";
import { formatSize } from "@/lib/format-size";

interface AttachmentPickerProps {
  files: readonly File[];
  onPick: (picked: File[]) => void;
  onRemove: (file: File) => void;
  error?: string;
  disabled?: boolean;
}

/** The reply's files: pick (several at once), see each with its size, remove any before sending. */
export function AttachmentPicker({ files, onPick, onRemove, error, disabled }: AttachmentPickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const id = "reply-attachments";
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
          onPick([...(event.target.files ?? [])]);
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
                  onRemove(file);
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
