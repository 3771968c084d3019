"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { createApiTokenAction } from "../actions/token-actions";
import { NewTokenReveal } from "./new-token-reveal";
import { callAction } from "@/components/forms/call-action";

// The same rules as the server's apiTokenCreateSchema, phrased for the form.
const tokenFormSchema = z.object({
  name: z.string().trim().min(1, "name is required").max(64, "name must be at most 64 characters"),
  expiresInDays: z
    .string()
    .trim()
    .refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 3650), "expiry must be a whole number of days from 1 to 3650")
});
type TokenFormValues = z.infer<typeof tokenFormSchema>;

export function CreateTokenForm() {
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting }
  } = useForm<TokenFormValues>({ resolver: zodResolver(tokenFormSchema), defaultValues: { name: "", expiresInDays: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() =>
      createApiTokenAction({ name: values.name, ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}) })
    );
    if (!result.ok) {
      setFormError(applyServerErrors(result.error, setError, ["name", "expiresInDays"]));
      return;
    }
    reset();
    setCreated(result.data);
  });

  if (created) return <NewTokenReveal name={created.name} token={created.token} onDone={() => setCreated(null)} />;
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Create API token" className="space-y-4">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem_auto] sm:items-start">
        <InputField
          id="token-name"
          label="Token name"
          autoComplete="off"
          required
          placeholder="e.g. CRM integration"
          error={errors.name?.message}
          {...register("name")}
        />
        <InputField
          id="token-expiry"
          label="Expires after (days)"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          hint="Leave blank: never expires."
          error={errors.expiresInDays?.message}
          {...register("expiresInDays")}
        />
        <Button type="submit" className="sm:mt-6" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
          {isSubmitting ? "Creating…" : "Create token"}
        </Button>
      </div>
    </form>
  );
}
