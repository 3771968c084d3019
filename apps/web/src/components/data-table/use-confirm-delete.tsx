"use client";

import { useState, useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type Outcome = { ok: true } | { ok: false; error: { message: string } };

interface ConfirmDeleteOptions<T> {
  /** e.g. "Delete extension 104?" */
  title: (row: T) => string;
  description: (row: T) => ReactNode;
  /** e.g. "Extension 104 deleted" */
  success: (row: T) => string;
  remove: (row: T) => Promise<Outcome>;
  confirmLabel?: string;
}

/** One confirmation dialog per list: `request(row)` opens it, `dialog` renders it. */
export function useConfirmDelete<T>({ title, description, success, remove, confirmLabel = "Delete" }: ConfirmDeleteOptions<T>) {
  const [target, setTarget] = useState<T | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () => {
    const row = target;
    if (!row) return;
    startTransition(async () => {
      const outcome = await remove(row);
      if (outcome.ok) {
        toast.success(success(row));
        setTarget(null);
      } else {
        toast.error(outcome.error.message);
      }
    });
  };

  const dialog = (
    <ConfirmDialog
      open={target !== null}
      title={target ? title(target) : ""}
      description={target ? description(target) : undefined}
      confirmLabel={confirmLabel}
      pending={pending}
      onConfirm={confirm}
      onCancel={() => setTarget(null)}
    />
  );
  return { request: setTarget, dialog };
}
