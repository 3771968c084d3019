"use client";

import { useState } from "react";
import { toast } from "sonner";
import { TICKET_PRIORITIES, TICKET_STATUSES, type OfficeView, type StaffTicketView } from "@switchboard/contracts";
import type { UserOption } from "@switchboard/contracts";
import { FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { updateTicketAction } from "../actions/ticket-actions";
import { PRIORITY_LABELS, STATUS_LABELS } from "../ticket-labels";

interface TicketControlsProps {
  ticket: StaffTicketView;
  offices: OfficeView[];
  staff: UserOption[];
  canChangeOffice: boolean;
}

type Values = { status: string; priority: string; assigneeId: string; officeId: string };

const FIELD_OF: Record<string, keyof Values> = { status: "status", priority: "priority", assigneeId: "assigneeId", officeId: "officeId" };

/**
 * Status, priority, assignee and (supervisors, admins) office. Only changed fields are sent; the
 * parent remounts this form when the ticket changes, so it always starts from the current state.
 */
export function TicketControls({ ticket, offices, staff, canChangeOffice }: TicketControlsProps) {
  const initial: Values = { status: ticket.status, priority: ticket.priority, assigneeId: ticket.assigneeId ?? "", officeId: ticket.officeId ?? "" };
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const office = offices.find((o) => o.id === values.officeId);
  const assignable = staff.filter((user) => !office || office.memberIds.includes(user.id) || user.id === ticket.assigneeId);
  const set = (key: keyof Values) => (event: React.ChangeEvent<HTMLSelectElement>) => setValues((v) => ({ ...v, [key]: event.target.value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const change: Record<string, string | null> = {};
    for (const key of Object.keys(values) as (keyof Values)[]) {
      if (values[key] !== initial[key]) change[key] = (key === "assigneeId" || key === "officeId") && values[key] === "" ? null : values[key];
    }
    if (Object.keys(change).length === 0) {
      setFormError("Nothing to save: change the status, priority, assignee or office first.");
      return;
    }
    setPending(true);
    const result = await updateTicketAction(ticket.id, change);
    setPending(false);
    if (!result.ok) {
      const fieldErrors: Partial<Record<keyof Values, string>> = {};
      for (const [key, message] of Object.entries(result.error.fields ?? {})) {
        const field = FIELD_OF[key];
        if (field) fieldErrors[field] = message;
      }
      setErrors(fieldErrors);
      setFormError(result.error.message);
      return;
    }
    toast.success(`Ticket ${ticket.publicId} updated`);
  };

  return (
    <form noValidate onSubmit={submit} aria-label="Ticket settings" className="space-y-4">
      <FormAlert message={formError} />
      <SelectField id="ticket-status" label="Status" value={values.status} onChange={set("status")} error={errors.status}>
        {TICKET_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <SelectField id="ticket-priority" label="Priority" value={values.priority} onChange={set("priority")} error={errors.priority}>
        {TICKET_PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {PRIORITY_LABELS[p]}
          </option>
        ))}
      </SelectField>
      {canChangeOffice ? (
        <SelectField id="ticket-office" label="Office" value={values.officeId} onChange={set("officeId")} error={errors.officeId}>
          <option value="">No office</option>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <SelectField
        id="ticket-assignee"
        label="Assignee"
        value={values.assigneeId}
        onChange={set("assigneeId")}
        error={errors.assigneeId}
        hint={office ? `Members of ${office.name}.` : undefined}
      >
        <option value="">Unassigned</option>
        {assignable.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending} aria-busy={pending || undefined} className="w-full">
        {pending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
