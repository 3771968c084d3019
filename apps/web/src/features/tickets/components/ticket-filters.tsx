"use client";

import Form from "next/form";
import { useRef } from "react";
import { TICKET_PRIORITIES, TICKET_STATUSES, type OfficeView } from "@switchboard/contracts";
import type { UserOption } from "@switchboard/contracts";
import { Button, ButtonLink } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { PRIORITY_LABELS, STATUS_LABELS } from "../ticket-labels";
import type { TicketListParams } from "../ticket-list-params";

interface TicketFiltersProps {
  params: TicketListParams;
  staffView: boolean;
  offices: OfficeView[];
  staff: UserOption[];
}

/** A GET form: the filters live in the URL, so a list can be bookmarked, shared and reloaded. */
export function TicketFilters({ params, staffView, offices, staff }: TicketFiltersProps) {
  const form = useRef<HTMLFormElement>(null);
  const submit = () => form.current?.requestSubmit();
  return (
    <Form
      ref={form}
      action="/tickets"
      role="search"
      aria-label="Filter tickets"
      className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-3 dark:border-slate-800"
    >
      <InputField
        id="ticket-search"
        name="q"
        type="search"
        label="Search tickets"
        placeholder="Subject, description or T-number"
        defaultValue={params.q}
        className="min-w-56 flex-1"
      />
      <SelectField id="ticket-status" name="status" label="Status" defaultValue={params.status} onChange={submit}>
        <option value="">Any status</option>
        {TICKET_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </SelectField>
      {staffView ? (
        <>
          <SelectField id="ticket-priority" name="priority" label="Priority" defaultValue={params.priority} onChange={submit}>
            <option value="">Any priority</option>
            {TICKET_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_LABELS[priority]}
              </option>
            ))}
          </SelectField>
          <SelectField id="ticket-office" name="office" label="Office" defaultValue={params.office} onChange={submit}>
            <option value="">Any office</option>
            <option value="none">No office</option>
            {offices.map((office) => (
              <option key={office.id} value={office.id}>
                {office.name}
              </option>
            ))}
          </SelectField>
          <SelectField id="ticket-assignee" name="assignee" label="Assignee" defaultValue={params.assignee} onChange={submit}>
            <option value="">Anyone</option>
            <option value="none">Unassigned</option>
            {staff.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </SelectField>
        </>
      ) : null}
      {staffView ? (
        <label className="flex items-center gap-2 pb-2 text-sm font-medium">
          <input type="checkbox" name="mine" value="true" defaultChecked={params.mine} onChange={submit} className="size-4 rounded border-slate-300" />
          Assigned to me
        </label>
      ) : null}
      {params.sort !== "updatedAt" ? <input type="hidden" name="sort" value={params.sort} /> : null}
      {params.dir !== "desc" ? <input type="hidden" name="dir" value={params.dir} /> : null}
      {params.pageSize !== 25 ? <input type="hidden" name="pageSize" value={params.pageSize} /> : null}
      <div className="flex gap-2 pb-0.5">
        <Button type="submit" variant="secondary">
          Apply filters
        </Button>
        <ButtonLink href="/tickets" variant="ghost">
          Clear filters
        </ButtonLink>
      </div>
    </Form>
  );
}
