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
import { ConflictBanner } from "@/features/versioning/conflict-banner";
import { USER_SUBJECT } from "@/features/versioning/edit-conflict";
import { useEditConflict } from "@/features/versioning/use-edit-conflict";
import { updateUserAction } from "../actions/user-actions";
import { callAction } from "@/components/forms/call-action";

const editSchema = z.object({ name: personNameSchema, role: roleSchema, officeIds: z.array(z.string()) });
type EditValues = z.infer<typeof editSchema>;

const FIELD_LABELS = { name: "Name", role: "Role", officeIds: "Offices" };
const toValues = (user: UserView): EditValues => ({ name: user.name, role: user.role, officeIds: user.officeIds });

/**
 * Name, role and offices of one user. Someone else's change shows the moment it arrives ("… changed
 * this — reload or keep mine"); the save carries the version it is based on, so a stale one is
 * refused anyway.
 */
export function UserEditForm({ user, roles, offices, seq }: { user: UserView; roles: readonly Role[]; offices: OfficeView[]; seq: number }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    reset,
    formState: { errors, isSubmitting, isDirty }
  } = useForm<EditValues>({ resolver: zodResolver(editSchema), defaultValues: toValues(user) });
  const role = watch("role");
  const edit = useEditConflict({
    subject: USER_SUBJECT,
    id: user.id,
    loaded: { version: user.version, view: user },
    seq,
    dirty: isDirty,
    adopt: (view) => reset(toValues(view))
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() =>
      updateUserAction(user.id, {
        name: values.name,
        ...(values.role !== user.role ? { role: values.role } : {}),
        officeIds: values.role === "customer" ? [] : values.officeIds,
        version: edit.baseVersion
      })
    );
    if (!result.ok) {
      if (!edit.onSaveError(result.error)) setFormError(applyServerErrors(result.error, setError, ["name", "role", "officeIds"]));
      return;
    }
    edit.saved(result.data.version);
    reset(toValues(result.data));
    toast.success(`${result.data.name} saved`);
    router.refresh();
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label={`Edit ${user.name}`} className="space-y-4">
      <ConflictBanner conflict={edit.conflict} noun="user" fieldLabels={FIELD_LABELS} listHref="/users" onReload={edit.reload} onKeepMine={edit.keepMine} />
      {edit.notice ? (
        <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
          {edit.notice}
        </p>
      ) : null}
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
