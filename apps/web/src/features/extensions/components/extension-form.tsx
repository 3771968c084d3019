"use client";

import { extensionCreateSchema, extensionUpdateSchema, pickableStaff, staffOptionLabel, type ExtensionView, type Transport } from "@switchboard/contracts";
import type { UserOption } from "@switchboard/contracts";
import { CodecsFieldset, CreateOrSaveActions, TransportSelect } from "@/components/entity/sip-form-fields";
import { useEntityForm } from "@/components/entity/use-entity-form";
import { EditNotice, FormAlert } from "@/components/forms/form-alert";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { InputField, SelectField } from "@/components/ui/field";
import { roleLabel } from "@/features/shell/role-label";
import { ConflictBanner } from "@/features/versioning/conflict-banner";
import { EXTENSION_SUBJECT } from "@/features/versioning/edit-conflict";
import { createExtensionAction, updateExtensionAction } from "../actions/extension-actions";

export interface ExtensionFormValues {
  number: string;
  displayName: string;
  userId: string;
  sipUsername: string;
  sipSecret: string;
  transport: Transport;
  codecs: string[];
  voicemailEnabled: boolean;
  enabled: boolean;
}

const FIELDS = ["number", "displayName", "userId", "sipUsername", "sipSecret", "transport", "codecs", "voicemailEnabled", "enabled"];

/** What the conflict banner calls each field someone else changed. */
const FIELD_LABELS: Record<string, string> = {
  number: "Number",
  displayName: "Display name",
  userId: "Assigned user",
  sipUsername: "SIP username",
  sipSecretHint: "SIP secret",
  transport: "Transport",
  codecs: "Codecs",
  voicemailEnabled: "Voicemail",
  enabled: "Enabled"
};

function defaults(extension?: ExtensionView): ExtensionFormValues {
  return {
    number: extension?.number ?? "",
    displayName: extension?.displayName ?? "",
    userId: extension?.userId ?? "",
    sipUsername: extension?.sipUsername ?? "",
    sipSecret: "",
    transport: extension?.transport ?? "udp",
    codecs: extension?.codecs ?? ["opus", "g722", "ulaw"],
    voicemailEnabled: extension?.voicemailEnabled ?? true,
    enabled: extension?.enabled ?? true
  };
}

/** Create (no `extension`) or edit; validated in the browser and again by the server action. */
export function ExtensionForm({ extension, seq, staff }: { extension?: ExtensionView; seq: number; staff: UserOption[] }) {
  const editing = extension !== undefined;
  const { register, err, isSubmitting, formError, onSubmit, edit } = useEntityForm<ExtensionFormValues, { number: string }, ExtensionView>({
    schema: editing ? extensionUpdateSchema : extensionCreateSchema,
    defaultValues: defaults(extension),
    fields: FIELDS,
    submit: (values, version) => (editing ? updateExtensionAction(extension.id, { ...values, version }) : createExtensionAction(values)),
    successMessage: (saved) => `Extension ${saved.number} ${editing ? "updated" : "created"}`,
    listHref: "/extensions",
    versioned: editing ? { subject: EXTENSION_SUBJECT, entity: extension, seq, toValues: defaults } : undefined
  });

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6" aria-label={editing ? `Edit extension ${extension.number}` : "New extension"}>
      <ConflictBanner
        conflict={edit.conflict}
        noun="extension"
        fieldLabels={FIELD_LABELS}
        listHref="/extensions"
        onReload={edit.reload}
        onKeepMine={edit.keepMine}
      />
      <EditNotice message={edit.notice} />
      <FormAlert message={formError} />
      <div className="grid gap-5 md:grid-cols-2">
        <InputField
          id="number"
          label="Number"
          inputMode="numeric"
          autoComplete="off"
          required
          hint="2 to 8 digits, e.g. 104."
          error={err("number")}
          {...register("number")}
        />
        <InputField id="displayName" label="Display name" autoComplete="off" required error={err("displayName")} {...register("displayName")} />
        <SelectField id="userId" label="Assigned user" error={err("userId")} {...register("userId")}>
          <option value="">Unassigned</option>
          {pickableStaff(staff, [extension?.userId]).map((user) => (
            <option key={user.id} value={user.id}>
              {staffOptionLabel(user)} ({roleLabel(user.role as Parameters<typeof roleLabel>[0])})
            </option>
          ))}
        </SelectField>
        <InputField
          id="sipUsername"
          label="SIP username"
          autoComplete="off"
          spellCheck={false}
          required
          error={err("sipUsername")}
          {...register("sipUsername")}
        />
        <InputField
          id="sipSecret"
          label="SIP secret"
          type="password"
          autoComplete="new-password"
          required={!editing}
          hint={
            editing
              ? `Leave blank to keep the current secret (ends in ${extension.sipSecretHint.slice(-2)}).`
              : "At least 12 characters. Stored encrypted; only its last two characters are ever shown."
          }
          error={err("sipSecret")}
          {...register("sipSecret")}
        />
        <TransportSelect registration={register("transport")} error={err("transport")} />
      </div>
      <CodecsFieldset registration={register("codecs")} error={err("codecs")} />
      <div className="flex flex-wrap gap-6">
        <CheckboxField id="voicemailEnabled" label="Voicemail" error={err("voicemailEnabled")} {...register("voicemailEnabled")} />
        <CheckboxField id="enabled" label="Enabled" error={err("enabled")} {...register("enabled")} />
      </div>
      <CreateOrSaveActions editing={editing} noun="extension" pending={isSubmitting} cancelHref="/extensions" />
    </form>
  );
}
