"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { z } from "zod";
import { dialContextSchema, type PbxConnectionSettingsView } from "@switchboard/contracts";
import { applyServerErrors } from "@/components/forms/server-errors";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { InputField } from "@/components/ui/field";
import { savePbxConnectionAction } from "../actions/pbx-settings-actions";
import { callAction } from "@/components/forms/call-action";

// The server's pbxConnectionInputSchema, phrased for the form (a new connection needs a secret).
const formSchema = (isNew: boolean) =>
  z.object({
    host: z
      .string()
      .trim()
      .min(1, "host is required")
      .max(253, "host must be at most 253 characters")
      .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:]+\]?$/, "host must be a hostname or IP address"),
    port: z
      .string()
      .trim()
      .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535, "port must be 1–65535"),
    username: z.string().trim().min(1, "username is required").max(64, "username must be at most 64 characters"),
    secret: z
      .string()
      .refine(
        (v) => (v === "" ? !isNew : v.length >= 8 && v.length <= 128),
        isNew ? "secret is required (at least 8 characters)" : "secret must be 8–128 characters"
      ),
    enabled: z.boolean(),
    dialContext: z
      .string()
      .trim()
      .pipe(z.union([z.literal(""), dialContextSchema]))
  });
type FormValues = z.infer<ReturnType<typeof formSchema>>;
const FIELDS = ["host", "port", "username", "secret", "enabled", "dialContext"] as const;

/** The AMI login the connector uses. The stored secret never comes back: only its hint. */
export function AmiConnectionForm({ connection }: { connection: PbxConnectionSettingsView | null }) {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors, isSubmitting }
  } = useForm<FormValues>({
    resolver: zodResolver(formSchema(!connection)),
    defaultValues: {
      host: connection?.host ?? "",
      port: String(connection?.port ?? 5038),
      username: connection?.username ?? "",
      secret: "",
      enabled: connection?.enabled ?? true,
      dialContext: connection?.dialContext ?? ""
    }
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => savePbxConnectionAction({ ...values, port: Number(values.port) }));
    if (!result.ok) {
      setFormError(applyServerErrors(result.error, setError, FIELDS));
      return;
    }
    resetField("secret", { defaultValue: "" });
    toast.success("AMI connection saved");
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label="AMI connection" className="space-y-4">
      <FormAlert message={formError} />
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <InputField
          id="ami-host"
          label="AMI host"
          autoComplete="off"
          required
          placeholder="pbx.example.net"
          error={errors.host?.message}
          {...register("host")}
        />
        <InputField id="ami-port" label="AMI port" inputMode="numeric" required error={errors.port?.message} {...register("port")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField id="ami-username" label="AMI username" autoComplete="off" required error={errors.username?.message} {...register("username")} />
        <InputField
          id="ami-secret"
          label="AMI secret"
          type="password"
          autoComplete="new-password"
          required={!connection}
          hint={connection ? `Stored secret ${connection.secretHint}. Leave blank to keep it.` : "At least 8 characters; stored encrypted."}
          error={errors.secret?.message}
          {...register("secret")}
        />
      </div>
      <InputField
        id="ami-dial-context"
        label="Dial context"
        autoComplete="off"
        placeholder="from-internal"
        hint="The dialplan context that reaches your extensions (FreePBX: from-internal; FusionPBX: your domain). Transfers and pick-ups are dialled there; blank: the call's own."
        error={errors.dialContext?.message}
        {...register("dialContext")}
      />
      <CheckboxField
        id="ami-enabled"
        label="Connect to this PBX"
        hint="Off: the connector disconnects and call control is unavailable."
        {...register("enabled")}
      />
      <Button type="submit" disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
        {isSubmitting ? "Saving…" : "Save AMI connection"}
      </Button>
    </form>
  );
}
