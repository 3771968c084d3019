"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { PRIORITIES_MOST_URGENT_FIRST, slaHoursSchema, type SlaHours } from "@switchboard/contracts";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { updateOrganizationAction } from "../actions/account-actions";
import { callAction } from "@/components/forms/call-action";
import { PRIORITY_LABELS } from "@/features/tickets/ticket-labels";

type Input = z.input<typeof slaHoursSchema>;

/** How many hours after opening a ticket of each priority is due (admins). */
export function SlaTargetsForm({ hours }: { hours: SlaHours }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting }
  } = useForm<Input, unknown, SlaHours>({ resolver: zodResolver(slaHoursSchema), defaultValues: hours });
  const onSubmit = handleSubmit(async (slaHours) => {
    setFormError(null);
    const result = await callAction(() => updateOrganizationAction({ slaHours }));
    // The form checks each target as the server does; the server names only the whole set.
    if (!result.ok) return setFormError(result.error.fields?.slaHours ?? applyServerErrors(result.error, setError, PRIORITIES_MOST_URGENT_FIRST));
    toast.success("Response targets saved");
    router.refresh();
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Ticket response targets" className="space-y-3">
      <FormAlert message={formError} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        A ticket is due this many hours after it was opened. New targets apply to tickets opened, or whose priority changes, from now on.
      </p>
      <div className="grid gap-4 sm:grid-cols-4">
        {PRIORITIES_MOST_URGENT_FIRST.map((priority) => (
          <InputField
            key={priority}
            id={`sla-${priority}`}
            label={`${PRIORITY_LABELS[priority]} (hours)`}
            type="number"
            inputMode="numeric"
            min={1}
            max={2160}
            required
            error={errors[priority]?.message}
            {...register(priority)}
          />
        ))}
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        Save response targets
      </Button>
    </form>
  );
}
