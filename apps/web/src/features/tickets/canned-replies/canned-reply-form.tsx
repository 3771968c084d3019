"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { cannedReplyCreateSchema, type CannedReplyView } from "@switchboard/contracts";
import { callAction } from "@/components/forms/call-action";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { TextareaField } from "../components/textarea-field";
import { createCannedReplyAction, updateCannedReplyAction } from "./canned-reply-actions";

type Errors = Partial<Record<"name" | "body", string>>;

/** Adds a canned reply, or edits `editing`; unknown placeholders are refused before anything is saved. */
export function CannedReplyForm({ editing, onDone }: { editing: CannedReplyView | null; onDone: () => void }) {
  const router = useRouter();
  const [name, setName] = useState(editing?.name ?? "");
  const [body, setBody] = useState(editing?.body ?? "");
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const parsed = cannedReplyCreateSchema.safeParse({ name, body });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if ((field === "name" || field === "body") && !next[field]) next[field] = issue.message;
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setPending(true);
    const result = await callAction(() =>
      editing ? updateCannedReplyAction(editing.id, { ...parsed.data, version: editing.version }) : createCannedReplyAction(parsed.data)
    );
    setPending(false);
    if (!result.ok) {
      const fields = result.error.fields ?? {};
      if (fields.name || fields.body) setErrors({ name: fields.name, body: fields.body });
      else setFormError(result.error.message);
      return;
    }
    toast.success(editing ? `Canned reply ${result.data.name} updated` : `Canned reply ${result.data.name} created`);
    if (!editing) {
      setName("");
      setBody("");
    }
    onDone();
    router.refresh();
  };

  return (
    <form noValidate onSubmit={submit} aria-labelledby="canned-form-title" className="space-y-3">
      <h2 id="canned-form-title" className="text-lg font-semibold">
        {editing ? `Edit ${editing.name}` : "New canned reply"}
      </h2>
      <FormAlert message={formError} />
      <InputField id="canned-name" label="Name" value={name} onChange={(e) => setName(e.target.value)} error={errors.name} required />
      <TextareaField
        id="canned-body"
        label="Text"
        rows={6}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={errors.body}
        hint="For example: Hi {{customer.name}}, thanks for your patience on {{ticket.number}}."
        required
      />
      <div className="flex justify-end gap-2">
        {editing ? (
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {editing ? "Save changes" : "Create canned reply"}
        </Button>
      </div>
    </form>
  );
}
