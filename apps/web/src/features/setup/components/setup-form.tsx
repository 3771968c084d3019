"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { emailSchema, organizationNameSchema, passwordProblem, personNameSchema, timeZoneSchema } from "@switchboard/contracts";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { setUpAction } from "../actions/setup-actions";
import { TimeZoneField } from "./time-zone-field";
import { callAction } from "@/components/forms/call-action";

const setupFormSchema = z
  .object({
    organizationName: organizationNameSchema,
    timeZone: timeZoneSchema,
    name: personNameSchema,
    email: emailSchema,
    password: z.string(),
    confirmPassword: z.string()
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, { email: v.email, name: v.name });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    else if (v.password !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "the passwords do not match" });
  });
type SetupValues = z.infer<typeof setupFormSchema>;
const FIELDS = ["organizationName", "timeZone", "name", "email", "password"] as const;

export function SetupForm({ zones }: { zones: readonly string[] }) {
  const [formError, setFormError] = useState<string | null>(null);
  const browserZone = typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC";
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isSubmitSuccessful }
  } = useForm<SetupValues>({
    resolver: zodResolver(setupFormSchema),
    defaultValues: { organizationName: "", timeZone: zones.includes(browserZone) ? browserZone : "UTC", name: "", email: "", password: "", confirmPassword: "" }
  });
  const onSubmit = handleSubmit(async ({ confirmPassword: _confirm, ...values }) => {
    setFormError(null);
    const result = await callAction(() => setUpAction(values));
    // Success redirects to the sign-in page; only a refusal comes back.
    if (result && !result.ok) {
      setFormError(applyServerErrors(result.error, setError, FIELDS));
      throw new Error("setup refused");
    }
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        onSubmit(event).catch(() => undefined);
      }}
      aria-label="Set up Switchboard"
      className="space-y-4"
    >
      <FormAlert message={formError} />
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">Your organization</legend>
        <InputField
          id="setup-org"
          label="Organization name"
          required
          autoComplete="organization"
          error={errors.organizationName?.message}
          {...register("organizationName")}
        />
        <TimeZoneField id="setup-time-zone" zones={zones} required error={errors.timeZone?.message} {...register("timeZone")} />
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">You, its first admin</legend>
        <InputField id="setup-name" label="Your name" required autoComplete="name" error={errors.name?.message} {...register("name")} />
        <InputField id="setup-email" label="Email" type="email" required autoComplete="username" error={errors.email?.message} {...register("email")} />
        <InputField
          id="setup-password"
          label="Password"
          type="password"
          required
          autoComplete="new-password"
          hint="At least 10 characters."
          error={errors.password?.message}
          {...register("password")}
        />
        <InputField
          id="setup-confirm"
          label="Repeat password"
          type="password"
          required
          autoComplete="new-password"
          error={errors.confirmPassword?.message}
          {...register("confirmPassword")}
        />
      </fieldset>
      <Button type="submit" className="w-full" disabled={isSubmitting || isSubmitSuccessful} aria-busy={isSubmitting || undefined}>
        {isSubmitting || isSubmitSuccessful ? "Setting up…" : "Create organization"}
      </Button>
    </form>
  );
}
