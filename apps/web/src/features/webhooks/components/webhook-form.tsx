"use client";

import { useState, useTransition } from "react";
import { WEBHOOK_EVENT_TYPES } from "@switchboard/contracts";
import { Button } from "@/components/ui/button";
import { CheckboxField, CheckboxGroup } from "@/components/ui/checkbox-field";
import { controlClasses, describedBy, FieldFrame } from "@/components/ui/field";
import { FormAlert } from "@/components/forms/form-alert";
import { createWebhookAction } from "../actions/webhook-actions";
import { callAction } from "@/components/forms/call-action";

/** New endpoint: URL, description, the event types it wants (none ticked = all). Reports the secret to show once. */
export function WebhookForm({ onCreated }: { onCreated: (secret: string, url: string) => void }) {
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [types, setTypes] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await callAction(() => createWebhookAction({ url, description, eventTypes: types, enabled: true }));
      if (!result.ok) {
        setErrors(result.error.fields ?? {});
        setMessage(result.error.message);
        return;
      }
      setErrors({});
      setMessage(null);
      setUrl("");
      setDescription("");
      setTypes([]);
      onCreated(result.data.secret, result.data.webhook.url);
    });
  };
  const toggle = (type: string, on: boolean) => setTypes((current) => (on ? [...current, type] : current.filter((t) => t !== type)));

  return (
    <form onSubmit={submit} className="space-y-4" aria-label="New webhook" noValidate>
      <FormAlert message={message} />
      <FieldFrame id="webhook-url" label="Endpoint URL" required hint="Where events are POSTed (http or https)." error={errors.url}>
        <input
          id="webhook-url"
          type="url"
          required
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          className={controlClasses}
          aria-invalid={errors.url ? true : undefined}
          aria-describedby={describedBy("webhook-url", true, errors.url)}
          placeholder="https://crm.example.com/hooks/switchboard"
        />
      </FieldFrame>
      <FieldFrame id="webhook-description" label="Description" error={errors.description}>
        <input id="webhook-description" value={description} onChange={(e) => setDescription(e.target.value)} className={controlClasses} maxLength={200} />
      </FieldFrame>
      <CheckboxGroup id="webhook-types" legend="Event types" hint="Leave all unticked to receive every event type." error={errors.eventTypes}>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <CheckboxField key={type} id={`webhook-type-${type}`} label={type} checked={types.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
        ))}
      </CheckboxGroup>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create webhook"}
      </Button>
    </form>
  );
}
