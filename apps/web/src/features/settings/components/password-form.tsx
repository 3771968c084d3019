"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { passwordProblem } from "@switchboard/contracts";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { changePasswordAction } from "../actions/account-actions";
import { callAction } from "@/components/forms/call-action";

const PASSWORD_FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

/** The same strength rules as the server's, so the first rule broken is named before the form is sent. */
function passwordFormSchema(owner: { email: string; name: string }) {
  return z
    .object({ currentPassword: z.string().min(1, "current password is required"), newPassword: z.string(), confirmPassword: z.string() })
    .superRefine((v, ctx) => {
      const problem = passwordProblem(v.newPassword, owner);
      if (problem) ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
      else if (v.newPassword !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "the passwords do not match" });
    });
}
type PasswordValues = z.infer<ReturnType<typeof passwordFormSchema>>;

/** Change your password: the current one is required; every other session of yours ends, this one stays. */
export function PasswordForm({ email, name }: { email: string; name: string }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting }
  } = useForm<PasswordValues>({
    resolver: zodResolver(passwordFormSchema({ email, name })),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" }
  });
  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setFormError(null);
    const result = await callAction(() => changePasswordAction({ currentPassword, newPassword }));
    if (!result.ok) return setFormError(applyServerErrors(result.error, setError, PASSWORD_FIELDS));
    reset();
    toast.success("Password changed. Your other sessions were signed out.");
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Change password" className="space-y-3">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-3">
        <InputField
          id="current-password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword?.message}
          {...register("currentPassword")}
        />
        <InputField
          id="new-password"
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters."
          error={errors.newPassword?.message}
          {...register("newPassword")}
        />
        <InputField
          id="confirm-password"
          label="Repeat new password"
          type="password"
          autoComplete="new-password"
          required
          error={errors.confirmPassword?.message}
          {...register("confirmPassword")}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
        {isSubmitting ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
