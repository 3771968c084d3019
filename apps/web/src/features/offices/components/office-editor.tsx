"use client";

import { useState } from "react";
import { toast } from "sonner";
import { pickableStaff, staffOptionLabel, type OfficeRecord, type UserOption } from "@switchboard/contracts";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { CheckboxField, CheckboxGroup } from "@/components/ui/checkbox-field";
import { InputField } from "@/components/ui/field";
import { ConflictBanner } from "@/features/versioning/conflict-banner";
import { OFFICE_SUBJECT } from "@/features/versioning/edit-conflict";
import { useEditConflict } from "@/features/versioning/use-edit-conflict";
import { renameOfficeAction, setOfficeMembersAction } from "../actions/office-actions";
import type { OfficeRow } from "../office-row";
import { callAction } from "@/components/forms/call-action";

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id) => b.includes(id));

/**
 * Rename an office and choose its members (staff only); each save is its own change. Someone
 * else's change or deletion shows the moment it arrives (G8), and a stale rename is refused.
 */
export function OfficeEditor({ office, seq, staff, onDone }: { office: OfficeRow; seq: number; staff: UserOption[]; onDone: () => void }) {
  const [base, setBase] = useState<OfficeRecord>(office);
  const [name, setName] = useState(office.name);
  const [members, setMembers] = useState<string[]>(office.memberIds);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const edit = useEditConflict({
    subject: OFFICE_SUBJECT,
    id: office.id,
    loaded: { version: office.version, view: office },
    seq,
    dirty: name !== base.name || !sameSet(members, base.memberIds),
    adopt: (view) => {
      setBase(view);
      setName(view.name);
      setMembers(view.memberIds);
    }
  });

  const save = async () => {
    setBusy(true);
    setError(null);
    // Each save names the version it builds on; a rename moves it, so the members save follows it.
    let version = edit.baseVersion;
    if (name.trim() !== base.name) {
      const renamed = await callAction(() => renameOfficeAction(office.id, { name, version }));
      if (!renamed.ok) {
        setBusy(false);
        if (edit.onSaveError(renamed.error)) return;
        return setError({ field: Object.keys(renamed.error.fields ?? {})[0], message: renamed.error.message });
      }
      version = renamed.data.version;
      edit.saved(version);
    }
    if (!sameSet(members, base.memberIds)) {
      const set = await callAction(() => setOfficeMembersAction(office.id, { userIds: members, version }));
      if (!set.ok) {
        setBusy(false);
        if (edit.onSaveError(set.error)) return;
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
      <ConflictBanner conflict={edit.conflict} noun="office" onReload={edit.reload} onKeepMine={edit.keepMine} />
      <FormAlert message={error && error.field !== "name" ? error.message : null} />
      <InputField
        id={`office-${office.id}-name`}
        label="Office name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error?.field === "name" ? error.message : undefined}
      />
      <CheckboxGroup id={`office-${office.id}-members`} legend="Members">
        {pickableStaff(staff, base.memberIds).map((user) => (
          <CheckboxField
            key={user.id}
            id={`office-${office.id}-member-${user.id}`}
            label={staffOptionLabel(user)}
            checked={members.includes(user.id)}
            onChange={(e) => setMembers(e.target.checked ? [...members, user.id] : members.filter((id) => id !== user.id))}
          />
        ))}
      </CheckboxGroup>
      <div className="flex gap-2">
        <Button type="submit" disabled={busy || edit.conflict?.kind === "deleted"} aria-busy={busy || undefined}>
          Save office
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
