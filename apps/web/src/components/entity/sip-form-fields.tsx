import type { UseFormRegisterReturn } from "react-hook-form";
import { CODECS } from "@switchboard/contracts";
import { FormActions } from "@/components/forms/form-actions";
import { CheckboxField, CheckboxGroup } from "@/components/ui/checkbox-field";
import { SelectField } from "@/components/ui/field";
import { codecLabel, TRANSPORT_LABELS, TRANSPORTS } from "@/lib/transport";

// Form sections shared by the SIP endpoints (extensions, trunks); each takes the field's react-hook-form registration.

export function TransportSelect({ registration, error }: { registration: UseFormRegisterReturn<"transport">; error?: string }) {
  return (
    <SelectField id="transport" label="Transport" error={error} {...registration}>
      {TRANSPORTS.map((t) => (
        <option key={t} value={t}>
          {TRANSPORT_LABELS[t]}
        </option>
      ))}
    </SelectField>
  );
}

export function CodecsFieldset({ registration, error }: { registration: UseFormRegisterReturn<"codecs">; error?: string }) {
  return (
    <CheckboxGroup id="codecs" legend="Codecs" hint="In order of preference." error={error}>
      {CODECS.map((codec) => (
        <CheckboxField key={codec} id={`codec-${codec}`} label={codecLabel(codec)} value={codec} {...registration} />
      ))}
    </CheckboxGroup>
  );
}

/** Cancel back to the list, and "Create <noun>" or "Save changes". */
export function CreateOrSaveActions({ editing, noun, pending, cancelHref }: { editing: boolean; noun: string; pending: boolean; cancelHref: string }) {
  return (
    <FormActions
      submitLabel={editing ? "Save changes" : `Create ${noun}`}
      pendingLabel={editing ? "Saving…" : "Creating…"}
      pending={pending}
      cancelHref={cancelHref}
    />
  );
}
