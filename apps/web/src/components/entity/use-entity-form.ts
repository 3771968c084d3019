"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form";
import { toast } from "sonner";
import { applyServerErrors } from "@/components/forms/server-errors";
import type { ActionResult } from "@/lib/action-result";

interface EntityFormOptions<V extends FieldValues, R> {
  /** Validates in the browser; the server action validates again. */
  schema: Parameters<typeof zodResolver>[0];
  defaultValues: DefaultValues<V>;
  /** Field names the server's field errors may be placed under; others go to the form alert. */
  fields: readonly string[];
  submit: (values: V) => Promise<ActionResult<R>>;
  /** The toast after a successful save, e.g. "Extension 104 created". */
  successMessage: (saved: R) => string;
  /** Where to go after saving: the list. */
  listHref: string;
}

/** A create/edit form for a console entity: zod in the browser, the server action's errors under their fields, a toast and back to the list. */
export function useEntityForm<V extends FieldValues, R>({ schema, defaultValues, fields, submit, successMessage, listHref }: EntityFormOptions<V, R>) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<V>({ resolver: zodResolver(schema) as unknown as Resolver<V>, defaultValues });

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await submit(values);
    if (!result.ok) {
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
  return { register: form.register, err, isSubmitting, formError, onSubmit };
}
