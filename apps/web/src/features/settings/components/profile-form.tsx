"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { profileUpdateSchema, type ProfileUpdateInput } from "@switchboard/contracts";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { updateProfileAction } from "../actions/account-actions";
import { callAction } from "@/components/forms/call-action";

export function ProfileForm({ name }: { name: string }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting }
  } = useForm<ProfileUpdateInput>({ resolver: zodResolver(profileUpdateSchema), defaultValues: { name } });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => updateProfileAction(values));
    if (!result.ok) return setFormError(applyServerErrors(result.error, setError, ["name"]));
    toast.success("Name saved");
    router.refresh();
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Your name" className="space-y-3">
      <FormAlert message={formError} />
      <div className="flex flex-wrap items-start gap-3">
        <InputField
          id="profile-name"
          label="Your name"
          autoComplete="name"
          required
          className="min-w-64 flex-1"
          error={errors.name?.message}
          {...register("name")}
        />
        <Button type="submit" variant="secondary" className="mt-6" disabled={isSubmitting}>
          Save name
        </Button>
      </div>
    </form>
  );
}
