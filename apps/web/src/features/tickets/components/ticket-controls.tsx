"use client";

import { useState } from "react";
import { toast } from "sonner";
import { pickableStaff, staffOptionLabel, TICKET_PRIORITIES, TICKET_STATUSES, type OfficeView, type StaffTicketView } from "@switchboard/contracts";
import type { UserOption } from "@switchboard/contracts";
import { callAction } from "@/components/forms/call-action";
import { EditNotice, FormAlert } from "@/components/forms/form-alert";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { ConflictBanner } from "@/features/versioning/conflict-banner";
import { TICKET_SUBJECT } from "@/features/versioning/edit-conflict";
import { useEditConflict } from "@/features/versioning/use-edit-conflict";
import { updateTicketAction } from "../actions/ticket-actions";
import { PRIORITY_LABELS, STATUS_LABELS } from "../ticket-labels";

interface TicketControlsProps {
  /** The ticket as the page loaded it, and the seq of that snapshot (the form follows its events from there). */
  ticket: StaffTicketView;
  seq: number;
  offices: OfficeView[];
  staff: UserOption[];
  canChangeOffice: boolean;
}

type Values = { status: string; priority: string; assigneeId: string; officeId: string };

const FIELD_OF: Record<string, keyof Values> = { status: "status", priority: "priority", assigneeId: "assigneeId", officeId: "officeId" };

/** What the conflict banner calls each kind of change someone else made. */
const CHANGE_LABELS: Record<string, string> = { status_changed: "Status", priority_changed: "Priority", assigned: "Assignee", office_changed: "Office" };

const valuesOf = (ticket: StaffTicketView): Values => ({
  status: ticket.status,
  priority: ticket.priority,
  assigneeId: ticket.assigneeId ?? "",
  officeId: ticket.officeId ?? ""
});

const sameValues = (a: Values, b: Values) => (Object.keys(a) as (keyof Values)[]).every((key) => a[key] === b[key]);

/**
 * Status, priority, assignee and (supervisors, admins) office. Only changed fields are sent, with
 * the version they are based on. Someone else's change shows at once: untouched selects follow it,
 * edited ones get "… changed this — reload or keep mine" (G8).
 */
export function TicketControls({ ticket, seq, offices, staff, canChangeOffice }: TicketControlsProps) {
  // The values of the version the form is based on; `values` are the editor's.
  const [baseline, setBaseline] = useState(() => valuesOf(ticket));
  const [values, setValues] = useState(baseline);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const edit = useEditConflict({
    subject: TICKET_SUBJECT,
    id: ticket.id,
    loaded: { version: ticket.version, view: ticket },
    seq,
    dirty: !pending && !sameValues(values, baseline),
    adopt: (latest) => {
      const next = valuesOf(latest);
      setBaseline(next);
      setValues(next);
    }
  });
  const office = offices.find((o) => o.id === values.officeId);
  const assignable = pickableStaff(staff, [baseline.assigneeId]).filter(
    (user) => !office || office.memberIds.includes(user.id) || user.id === baseline.assigneeId
  );
  const set = (key: keyof Values) => (event: React.ChangeEvent<HTMLSelectElement>) => setValues((v) => ({ ...v, [key]: event.target.value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setErrors({});
    setFormError(null);
    const change: Record<string, string | null> = {};
    for (const key of Object.keys(values) as (keyof Values)[]) {
      if (values[key] !== baseline[key]) change[key] = (key === "assigneeId" || key === "officeId") && values[key] === "" ? null : values[key];
    }
    if (Object.keys(change).length === 0) {
      setFormError("Nothing to save: change the status, priority, assignee or office first.");
      return;
    }
    setPending(true);
    const result = await callAction(() => updateTicketAction(ticket.id, { ...change, version: edit.baseVersion }));
    setPending(false);
    if (!result.ok) {
      if (edit.onSaveError(result.error)) return;
      const fieldErrors: Partial<Record<keyof Values, string>> = {};
      for (const [key, message] of Object.entries(result.error.fields ?? {})) {
        const field = FIELD_OF[key];
        if (field) fieldErrors[field] = message;
      }
      setErrors(fieldErrors);
      setFormError(result.error.message);
      return;
    }
    if (result.data.version !== undefined) edit.saved(result.data.version);
    // The save's own events can arrive before its answer and put an intermediate version in the form
    // (assigned, not yet reprioritized): the form takes the ticket as the save left it.
    const saved = result.data.ticket ? valuesOf(result.data.ticket) : values;
    setBaseline(saved);
    setValues(saved);
    toast.success(`Ticket ${ticket.publicId} updated`);
  };

  return (
    <form noValidate onSubmit={submit} aria-label="Ticket settings" className="space-y-4">
      <ConflictBanner conflict={edit.conflict} noun="ticket" fieldLabels={CHANGE_LABELS} onReload={edit.reload} onKeepMine={edit.keepMine} />
      <EditNotice message={edit.notice} />
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
            {staffOptionLabel(user)}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending} aria-busy={pending || undefined} className="w-full">
        {pending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
