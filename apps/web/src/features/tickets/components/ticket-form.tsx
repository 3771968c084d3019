"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { z } from "zod";
import { toast } from "sonner";
import { pickableStaff, TICKET_PRIORITIES, ticketCreateSchema, type OfficeView, type TicketPriority } from "@switchboard/contracts";
import type { UserOption } from "@switchboard/contracts";
import { FormActions } from "@/components/forms/form-actions";
import { FormAlert } from "@/components/forms/form-alert";
import { applyServerErrors } from "@/components/forms/server-errors";
import { Button } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { createTicketAction } from "../actions/ticket-actions";
import type { CustomerOption } from "../server/load-customers";
import { PRIORITY_LABELS } from "../ticket-labels";
import { AttachmentPicker, useAttachments } from "./attachment-picker";
import { TextareaField } from "./textarea-field";
import { callAction } from "@/components/forms/call-action";

export interface TicketFormValues {
  subject: string;
  body: string;
  category: string;
  officeId: string;
  priority: TicketPriority;
  assigneeId: string;
  callId: string;
  customerId: string;
}

// The form's "" means "nobody else" for the customer; the action receives undefined instead.
const formSchema = ticketCreateSchema.extend({ customerId: z.union([z.literal(""), z.uuid({ error: "customer must be a valid id" })]).optional() });

const FIELDS = [
  "subject",
  "body",
  "category",
  "officeId",
  "priority",
  "assigneeId",
  "callId",
  "customerId"
] as const satisfies readonly (keyof TicketFormValues)[];
const CUSTOMER_FIELDS = ["subject", "body", "category", "officeId"] as const satisfies readonly (keyof TicketFormValues)[];

/**
 * What the action is sent: the customers' fields only for customers, each field that has a value
 * (the resolver's output: "No office" is null, an empty category "") — one left out is unset — and
 * the files.
 */
function ticketFormData(values: TicketFormValues, staffView: boolean, files: readonly File[]): FormData {
  const form = new FormData();
  const sent = staffView ? FIELDS : CUSTOMER_FIELDS;
  for (const key of sent) {
    const value: unknown = values[key];
    if (typeof value === "string" && value !== "") form.set(key, value);
  }
  for (const file of files) form.append("attachments", file);
  return form;
}

interface TicketFormProps {
  staffView: boolean;
  offices: OfficeView[];
  staff: UserOption[];
  customers: CustomerOption[];
  initial: Partial<TicketFormValues>;
  /** The person filling it in: offered as the assignee ("Assign to me") when they may be one. */
  viewerId: string;
}

/** Opening a ticket; customers get subject, description, category and department only. */
export function TicketForm({ staffView, offices, staff, customers, initial, viewerId }: TicketFormProps) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const attachments = useAttachments();
  const {
    register,
    handleSubmit,
    setError,
    watch,
    setValue,
    formState: { errors, isSubmitting }
  } = useForm<TicketFormValues>({
    resolver: zodResolver(formSchema) as unknown as Resolver<TicketFormValues>,
    defaultValues: { subject: "", body: "", category: "", officeId: "", priority: "normal", assigneeId: "", callId: "", customerId: "", ...initial }
  });
  const officeId = watch("officeId");
  const office = offices.find((o) => o.id === officeId);
  const assignable = pickableStaff(staff).filter((user) => !office || office.memberIds.includes(user.id));
  const canAssignSelf = assignable.some((user) => user.id === viewerId);
  const assignedToMe = watch("assigneeId") === viewerId;

  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    const result = await callAction(() => createTicketAction(ticketFormData(values, staffView, attachments.files)));
    if (!result.ok) {
      const { attachments: filesProblem, ...others } = result.error.fields ?? {};
      attachments.setError(filesProblem);
      if (!filesProblem || Object.keys(others).length > 0) setFormError(applyServerErrors({ ...result.error, fields: others }, setError, FIELDS));
      return;
    }
    toast.success(`Ticket ${result.data.publicId} created`);
    router.push(`/tickets/${result.data.id}`);
  });

  const err = (name: keyof TicketFormValues) => errors[name]?.message;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6" aria-label="New ticket">
      <FormAlert message={formError} />
      <InputField id="subject" label="Subject" autoComplete="off" required error={err("subject")} {...register("subject")} />
      <TextareaField
        id="body"
        label="Description"
        rows={6}
        required
        hint={staffView ? undefined : "What happened, and what did you expect? Our team answers here."}
        error={err("body")}
        {...register("body")}
      />
      <AttachmentPicker id="ticket-attachments" attachments={attachments} disabled={isSubmitting} />
      <div className="grid gap-5 md:grid-cols-2">
        <InputField
          id="category"
          label="Category"
          autoComplete="off"
          hint="Optional, e.g. Billing or Voicemail."
          error={err("category")}
          {...register("category")}
        />
        <SelectField id="officeId" label={staffView ? "Office" : "Department"} error={err("officeId")} {...register("officeId")}>
          <option value="">{staffView ? "No office" : "Not sure"}</option>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
        {staffView ? (
          <>
            <SelectField id="priority" label="Priority" error={err("priority")} {...register("priority")}>
              {TICKET_PRIORITIES.map((p) => (
                <option key={p} value={p}>
                  {PRIORITY_LABELS[p]}
                </option>
              ))}
            </SelectField>
            <SelectField
              id="customerId"
              label="Customer"
              hint="Who the ticket is for; they can follow and answer it."
              error={err("customerId")}
              {...register("customerId")}
            >
              <option value="">Nobody else (internal ticket)</option>
              {customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({c.email})
                </option>
              ))}
            </SelectField>
            <SelectField
              id="assigneeId"
              label="Assignee"
              hint={office ? `Members of ${office.name}.` : undefined}
              error={err("assigneeId")}
              {...register("assigneeId")}
            >
              <option value="">Unassigned</option>
              {assignable.map((user) => (
                <option key={user.id} value={user.id}>
                  {user.name}
                </option>
              ))}
            </SelectField>
            {canAssignSelf ? (
              <div className="flex items-end">
                <Button
                  type="button"
                  variant="secondary"
                  disabled={assignedToMe}
                  onClick={() => setValue("assigneeId", viewerId, { shouldDirty: true, shouldValidate: true })}
                >
                  {assignedToMe ? "Assigned to you" : "Assign to me"}
                </Button>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
      {staffView ? <input type="hidden" {...register("callId")} /> : null}
      <FormActions submitLabel="Create ticket" pendingLabel="Creating…" pending={isSubmitting} cancelHref="/tickets" />
    </form>
  );
}
