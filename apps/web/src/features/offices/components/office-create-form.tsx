"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { officeCreateSchema, type OfficeCreateInput } from "@switchboard/contracts";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { createOfficeAction } from "../actions/office-actions";
import { callAction } from "@/components/forms/call-action";

export function OfficeCreateForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting }
  } = useForm<OfficeCreateInput>({ resolver: zodResolver(officeCreateSchema), defaultValues: { name: "" } });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => createOfficeAction(values));
    if (!result.ok) {
      setFormError(applyServerErrors(result.error, setError, ["name"]));
      return;
    }
    reset();
    toast.success(`Office ${result.data.name} created`);
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="New office" className="space-y-3">
      <FormAlert message={formError} />
      <div className="flex flex-wrap items-start gap-3">
        <InputField id="office-name" label="Office name" required className="min-w-64 flex-1" error={errors.name?.message} {...register("name")} />
        <Button type="submit" className="mt-6" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
          {isSubmitting ? "Creating…" : "Create office"}
        </Button>
      </div>
    </form>
  );
}
