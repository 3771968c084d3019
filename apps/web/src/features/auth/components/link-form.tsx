"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { passwordProblem, personNameSchema } from "@switchboard/contracts";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { redeemLinkAction } from "../actions/link-actions";
import { callAction } from "@/components/forms/call-action";

function linkFormSchema(email: string) {
  return z.object({ name: personNameSchema, password: z.string(), confirmPassword: z.string() }).superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, { email, name: v.name });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    else if (v.password !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "the passwords do not match" });
  });
}
type LinkValues = z.infer<ReturnType<typeof linkFormSchema>>;

/** Choose a password (an invitee may also correct their name). */
export function LinkForm({ token, invitation, email, name }: { token: string; invitation: boolean; email: string; name: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isSubmitSuccessful }
  } = useForm<LinkValues>({ resolver: zodResolver(linkFormSchema(email)), defaultValues: { name, password: "", confirmPassword: "" } });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => redeemLinkAction({ token, password: values.password, ...(invitation ? { name: values.name } : {}) }));
    if (result && !result.ok) {
      setFormError(applyServerErrors(result.error, setError, ["name", "password"]));
      throw new Error("refused");
    }
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        onSubmit(event).catch(() => undefined);
      }}
      aria-label={invitation ? "Accept the invitation" : "Choose a new password"}
      className="space-y-4"
    >
      <FormAlert message={formError} />
      <InputField id="link-email" label="Email" type="email" value={email} readOnly autoComplete="username" />
      {invitation ? <InputField id="link-name" label="Your name" required autoComplete="name" error={errors.name?.message} {...register("name")} /> : null}
      <InputField
        id="link-password"
        label="New password"
        type="password"
        required
        autoComplete="new-password"
        hint="At least 10 characters."
        error={errors.password?.message}
        {...register("password")}
      />
      <InputField
        id="link-confirm"
        label="Repeat new password"
        type="password"
        required
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...register("confirmPassword")}
      />
      <Button type="submit" className="w-full" disabled={isSubmitting || isSubmitSuccessful} aria-busy={isSubmitting || undefined}>
        {isSubmitting || isSubmitSuccessful ? "Saving…" : invitation ? "Join" : "Set password"}
      </Button>
    </form>
  );
}
