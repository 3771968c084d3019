"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { UserOption } from "@switchboard/contracts";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { CheckboxField, CheckboxGroup } from "@/components/ui/checkbox-field";
import { InputField } from "@/components/ui/field";
import { renameOfficeAction, setOfficeMembersAction } from "../actions/office-actions";
import type { OfficeRow } from "../office-row";
import { callAction } from "@/components/forms/call-action";

/** Rename an office and choose its members (staff only); each save is its own change. */
export function OfficeEditor({ office, staff, onDone }: { office: OfficeRow; staff: UserOption[]; onDone: () => void }) {
  const [name, setName] = useState(office.name);
  const [members, setMembers] = useState<string[]>(office.memberIds);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setError(null);
    if (name.trim() !== office.name) {
      const renamed = await callAction(() => renameOfficeAction(office.id, { name, version: office.version }));
      if (!renamed.ok) {
        setBusy(false);
        return setError({ field: Object.keys(renamed.error.fields ?? {})[0], message: renamed.error.message });
      }
    }
    const sameMembers = members.length === office.memberIds.length && members.every((id) => office.memberIds.includes(id));
    if (!sameMembers) {
      const set = await callAction(() => setOfficeMembersAction(office.id, { userIds: members }));
      if (!set.ok) {
        setBusy(false);
        return setError({ message: set.error.message });
      }
    }
    setBusy(false);
    toast.success(`Office ${name.trim()} saved`);
    onDone();
  };

  return (
    <form
      aria-label={`Edit office ${office.name}`}
      className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-700"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <FormAlert message={error && error.field !== "name" ? error.message : null} />
      <InputField
        id={`office-${office.id}-name`}
        label="Office name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error?.field === "name" ? error.message : undefined}
      />
      <CheckboxGroup id={`office-${office.id}-members`} legend="Members">
        {staff.map((user) => (
          <CheckboxField
            key={user.id}
            id={`office-${office.id}-member-${user.id}`}
            label={user.name}
            checked={members.includes(user.id)}
            onChange={(e) => setMembers(e.target.checked ? [...members, user.id] : members.filter((id) => id !== user.id))}
          />
        ))}
      </CheckboxGroup>
      <div className="flex gap-2">
        <Button type="submit" disabled={busy} aria-busy={busy || undefined}>
          Save office
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
