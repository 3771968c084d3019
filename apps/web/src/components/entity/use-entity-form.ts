"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form";
import { toast } from "sonner";
import { callAction } from "@/components/forms/call-action";
import { applyServerErrors } from "@/components/forms/server-errors";
import type { VersionedSubject } from "@/features/versioning/edit-conflict";
import { useEditConflict } from "@/features/versioning/use-edit-conflict";
import type { ActionResult } from "@/lib/action-result";

/** Editing an existing entity: the form watches it for other people's changes (G8). */
interface VersionedEdit<V, E> {
  subject: VersionedSubject<E>;
  entity: E & { id: string; version: number };
  /** The seq the page's snapshot of the entity reflects. */
  seq: number;
  /** The form's values for a version of the entity. */
  toValues: (entity: E) => DefaultValues<V>;
}

interface EntityFormOptions<V extends FieldValues, R, E> {
  /** Validates in the browser; the server action validates again. */
  schema: Parameters<typeof zodResolver>[0];
  defaultValues: DefaultValues<V>;
  /** Field names the server's field errors may be placed under; others go to the form alert. */
  fields: readonly string[];
  /** Saves; `version` is the version an edit is based on (undefined for a create). */
  submit: (values: V, version: number | undefined) => Promise<ActionResult<R>>;
  /** The toast after a successful save, e.g. "Extension 104 created". */
  successMessage: (saved: R) => string;
  /** Where to go after saving: the list. */
  listHref: string;
  versioned?: VersionedEdit<V, E>;
}

/**
 * A create/edit form for a console entity: zod in the browser, the server action's errors under
 * their fields, a toast and back to the list. An edit form also shows "… changed this — reload or
 * keep mine" as soon as someone else's change arrives, and sends the version it is based on.
 * A save that never reaches the server says so and keeps the input.
 */
export function useEntityForm<V extends FieldValues, R, E = never>({
  schema,
  defaultValues,
  fields,
  submit,
  successMessage,
  listHref,
  versioned
}: EntityFormOptions<V, R, E>) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<V>({ resolver: zodResolver(schema) as unknown as Resolver<V>, defaultValues });
  const edit = useEditConflict<E>(
    versioned
      ? {
          subject: versioned.subject,
          id: versioned.entity.id,
          loaded: { version: versioned.entity.version, view: versioned.entity },
          seq: versioned.seq,
          // A save in flight is not an edit to protect: its own event may arrive before its answer.
          dirty: form.formState.isDirty && !form.formState.isSubmitting,
          adopt: (entity) => form.reset(versioned.toValues(entity))
        }
      : null
  );

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => submit(values, versioned ? edit.baseVersion : undefined));
    if (!result.ok) {
      if (versioned && edit.onSaveError(result.error)) return;
      setFormError(applyServerErrors(result.error, form.setError, fields));
      return;
    }
    toast.success(successMessage(result.data));
    router.push(listHref);
  });

  const { errors, isSubmitting } = form.formState;
  /** The message to show under a field, from the browser's or the server's validation. */
  const err = (name: keyof V & string): string | undefined => {
    const message = errors[name]?.message;
    return typeof message === "string" ? message : undefined;
  };
  return { register: form.register, err, isSubmitting, formError, onSubmit, edit };
}
