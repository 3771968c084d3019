"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { organizationNameSchema, timeZoneSchema } from "@switchboard/contracts";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { TimeZoneField } from "@/features/setup/components/time-zone-field";
import { updateOrganizationAction } from "../actions/account-actions";
import { callAction } from "@/components/forms/call-action";

const orgSchema = z.object({ name: organizationNameSchema, timeZone: timeZoneSchema });
type OrgValues = z.infer<typeof orgSchema>;

/** The organization's name and time zone ("today" on the dashboard and calendar days in filters follow it). */
export function OrganizationForm({ name, timeZone, zones }: OrgValues & { zones: readonly string[] }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting }
  } = useForm<OrgValues>({ resolver: zodResolver(orgSchema), defaultValues: { name, timeZone } });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => updateOrganizationAction(values));
    if (!result.ok) return setFormError(applyServerErrors(result.error, setError, ["name", "timeZone"]));
    toast.success("Organization saved");
    router.refresh();
  });
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Organization" className="space-y-3">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField id="org-name" label="Organization name" required error={errors.name?.message} {...register("name")} />
        <TimeZoneField id="org-time-zone" zones={zones} error={errors.timeZone?.message} {...register("timeZone")} />
      </div>
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        Save organization
      </Button>
    </form>
  );
}
