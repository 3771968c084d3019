"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { emailSchema, personNameSchema, roleSchema, type IssuedLink, type OfficeView, type Role } from "@switchboard/contracts";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { CheckboxField, CheckboxGroup } from "@/components/ui/checkbox-field";
import { InputField, SelectField } from "@/components/ui/field";
import { roleLabel } from "@/features/shell/role-label";
import { inviteUserAction } from "../actions/user-actions";
import { LinkReveal } from "./link-reveal";
import { callAction } from "@/components/forms/call-action";

const inviteFormSchema = z.object({ email: emailSchema, name: personNameSchema, role: roleSchema, officeIds: z.array(z.string()) });
type InviteValues = z.infer<typeof inviteFormSchema>;

/** Invite someone by email with a role (and, for staff, offices); the link is shown once. */
export function InviteForm({ roles, offices }: { roles: readonly Role[]; offices: OfficeView[] }) {
  const [issued, setIssued] = useState<{ name: string; link: IssuedLink } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const defaultRole = roles.includes("agent") ? "agent" : (roles[0] ?? "customer");
  const {
    register,
    handleSubmit,
    setError,
    reset,
    watch,
    formState: { errors, isSubmitting }
  } = useForm<InviteValues>({ resolver: zodResolver(inviteFormSchema), defaultValues: { email: "", name: "", role: defaultRole, officeIds: [] } });
  const role = watch("role");

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => inviteUserAction({ ...values, officeIds: values.role === "customer" ? [] : values.officeIds }));
    if (!result.ok) {
      setFormError(applyServerErrors(result.error, setError, ["email", "name", "role", "officeIds"]));
      return;
    }
    reset({ email: "", name: "", role: defaultRole, officeIds: [] });
    setIssued({ name: result.data.user.name, link: result.data.link });
  });

  if (issued) return <LinkReveal id="invite-link" kind="invitation" name={issued.name} link={issued.link} onDone={() => setIssued(null)} />;
  return (
    <form noValidate onSubmit={onSubmit} aria-label="Invite someone" className="space-y-4">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-3">
        <InputField id="invite-email" label="Email" type="email" autoComplete="off" required error={errors.email?.message} {...register("email")} />
        <InputField id="invite-name" label="Name" autoComplete="off" required error={errors.name?.message} {...register("name")} />
        <SelectField id="invite-role" label="Role" required error={errors.role?.message} {...register("role")}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
      </div>
      {role !== "customer" && offices.length > 0 ? (
        <CheckboxGroup id="invite-offices" legend="Offices" hint="Agents see the tickets of their offices." error={errors.officeIds?.message}>
          {offices.map((office) => (
            <CheckboxField key={office.id} id={`invite-office-${office.id}`} label={office.name} value={office.id} {...register("officeIds")} />
          ))}
        </CheckboxGroup>
      ) : null}
      <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
        {isSubmitting ? "Inviting…" : "Send invitation"}
      </Button>
    </form>
  );
}
