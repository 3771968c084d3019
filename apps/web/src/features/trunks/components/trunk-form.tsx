"use client";

import { useState } from "react";
import { trunkCreateSchema, trunkUpdateSchema, type Transport, type TrunkView } from "@switchboard/contracts";
import { CodecsFieldset, CreateOrSaveActions, TransportSelect } from "@/components/entity/sip-form-fields";
import { useEntityForm } from "@/components/entity/use-entity-form";
import { EditNotice, FormAlert } from "@/components/forms/form-alert";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { InputField } from "@/components/ui/field";
import { ConflictBanner } from "@/features/versioning/conflict-banner";
import { TRUNK_SUBJECT } from "@/features/versioning/edit-conflict";
import { createTrunkAction, updateTrunkAction } from "../actions/trunk-actions";

export interface TrunkFormValues {
  name: string;
  host: string;
  port: string;
  transport: Transport;
  username: string;
  secret: string;
  registrationRequired: boolean;
  codecs: string[];
  maxChannels: string;
  enabled: boolean;
}

const FIELDS = ["name", "host", "port", "transport", "username", "secret", "registrationRequired", "codecs", "maxChannels", "enabled"];

/** What the conflict banner calls each field someone else changed. */
const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  host: "Host",
  port: "Port",
  transport: "Transport",
  username: "Username",
  secretHint: "Secret",
  registrationRequired: "Registration required",
  codecs: "Codecs",
  maxChannels: "Max channels",
  enabled: "Enabled"
};

function defaults(trunk?: TrunkView): TrunkFormValues {
  return {
    name: trunk?.name ?? "",
    host: trunk?.host ?? "",
    port: String(trunk?.port ?? 5060),
    transport: trunk?.transport ?? "udp",
    username: trunk?.username ?? "",
    secret: "",
    registrationRequired: trunk?.registrationRequired ?? true,
    codecs: trunk?.codecs ?? ["ulaw", "alaw"],
    maxChannels: String(trunk?.maxChannels ?? 30),
    enabled: trunk?.enabled ?? true
  };
}

/** Create (no `trunk`) or edit; validated in the browser and again by the server action. */
export function TrunkForm({ trunk, seq }: { trunk?: TrunkView; seq: number }) {
  const editing = trunk !== undefined;
  const [removeSecret, setRemoveSecret] = useState(false);
  const { register, err, isSubmitting, formError, onSubmit, edit } = useEntityForm<TrunkFormValues, { name: string }, TrunkView>({
    schema: editing ? trunkUpdateSchema : trunkCreateSchema,
    defaultValues: defaults(trunk),
    fields: FIELDS,
    submit: (values, version) => {
      const input = editing && removeSecret ? { ...values, secret: null } : values;
      return editing ? updateTrunkAction(trunk.id, { ...input, version }) : createTrunkAction(input);
    },
    successMessage: (saved) => `Trunk ${saved.name} ${editing ? "updated" : "created"}`,
    listHref: "/trunks",
    versioned: editing ? { subject: TRUNK_SUBJECT, entity: trunk, seq, toValues: defaults } : undefined
  });

  const secretHint = editing
    ? trunk.secretHint
      ? `Leave blank to keep the current secret (ends in ${trunk.secretHint.slice(-2)}).`
      : "Leave blank to keep the trunk without a secret."
    : "Optional; at least 8 characters. Stored encrypted.";
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6" aria-label={editing ? `Edit trunk ${trunk.name}` : "New trunk"}>
      <ConflictBanner conflict={edit.conflict} noun="trunk" fieldLabels={FIELD_LABELS} listHref="/trunks" onReload={edit.reload} onKeepMine={edit.keepMine} />
      <EditNotice message={edit.notice} />
      <FormAlert message={formError} />
      <div className="grid gap-5 md:grid-cols-2">
        <InputField id="name" label="Name" autoComplete="off" required error={err("name")} {...register("name")} />
        <InputField
          id="host"
          label="Host"
          autoComplete="off"
          spellCheck={false}
          required
          hint="Hostname or IP address."
          error={err("host")}
          {...register("host")}
        />
        <InputField id="port" label="Port" type="number" inputMode="numeric" min={1} max={65535} required error={err("port")} {...register("port")} />
        <TransportSelect registration={register("transport")} error={err("transport")} />
        <InputField id="username" label="Username" autoComplete="off" spellCheck={false} hint="Optional." error={err("username")} {...register("username")} />
        <div>
          <InputField
            id="secret"
            label="Secret"
            type="password"
            autoComplete="new-password"
            disabled={removeSecret}
            hint={secretHint}
            error={err("secret")}
            {...register("secret")}
          />
          {editing && trunk.secretHint ? (
            <CheckboxField
              id="removeSecret"
              label="Remove the stored secret"
              className="mt-2"
              checked={removeSecret}
              onChange={(e) => setRemoveSecret(e.target.checked)}
            />
          ) : null}
        </div>
        <InputField
          id="maxChannels"
          label="Max channels"
          type="number"
          inputMode="numeric"
          min={1}
          max={10000}
          required
          error={err("maxChannels")}
          {...register("maxChannels")}
        />
      </div>
      <CodecsFieldset registration={register("codecs")} error={err("codecs")} />
      <div className="flex flex-wrap gap-6">
        <CheckboxField id="registrationRequired" label="Registration required" error={err("registrationRequired")} {...register("registrationRequired")} />
        <CheckboxField id="enabled" label="Enabled" error={err("enabled")} {...register("enabled")} />
      </div>
      <CreateOrSaveActions editing={editing} noun="trunk" pending={isSubmitting} cancelHref="/trunks" />
    </form>
  );
}
