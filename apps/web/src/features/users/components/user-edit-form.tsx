"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { z } from "zod";
import { personNameSchema, roleSchema, type OfficeView, type Role, type UserView } from "@switchboard/contracts";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { CheckboxField, CheckboxGroup } from "@/components/ui/checkbox-field";
import { InputField, SelectField } from "@/components/ui/field";
import { useState } from "react";
import { roleLabel } from "@/features/shell/role-label";
import { updateUserAction } from "../actions/user-actions";

const editSchema = z.object({ name: personNameSchema, role: roleSchema, officeIds: z.array(z.string()) });
type EditValues = z.infer<typeof editSchema>;

/**
 * Name, role and offices of one user. The save carries the version the form was loaded with: if
 * someone changed the user meanwhile the save is refused and the form says so.
 */
export function UserEditForm({ user, roles, offices }: { user: UserView; roles: readonly Role[]; offices: OfficeView[] }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting }
  } = useForm<EditValues>({ resolver: zodResolver(editSchema), values: { name: user.name, role: user.role, officeIds: user.officeIds } });
  const role = watch("role");

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await updateUserAction(user.id, {
      name: values.name,
      ...(values.role !== user.role ? { role: values.role } : {}),
      officeIds: values.role === "customer" ? [] : values.officeIds,
      version: user.version
    });
    if (!result.ok) {
      setFormError(applyServerErrors(result.error, setError, ["name", "role", "officeIds"]));
      return;
    }
    toast.success(`${result.data.name} saved`);
    router.refresh();
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label={`Edit ${user.name}`} className="space-y-4">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField id="edit-name" label="Name" required error={errors.name?.message} {...register("name")} />
        <SelectField id="edit-role" label="Role" disabled={roles.length <= 1} error={errors.role?.message} {...register("role")}>
          {(roles.includes(user.role) ? roles : [user.role, ...roles]).map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </SelectField>
      </div>
      {role !== "customer" && offices.length > 0 ? (
        <CheckboxGroup id="edit-offices" legend="Offices" error={errors.officeIds?.message}>
          {offices.map((office) => (
            <CheckboxField key={office.id} id={`edit-office-${office.id}`} label={office.name} value={office.id} {...register("officeIds")} />
          ))}
        </CheckboxGroup>
      ) : null}
      <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
        {isSubmitting ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
