"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { staffOptionLabel, TICKET_PRIORITIES, TICKET_STATUSES, type OfficeView } from "@switchboard/contracts";
import type { UserOption } from "@switchboard/contracts";
import { ButtonLink } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import { PRIORITY_LABELS, STATUS_LABELS } from "../ticket-labels";
import { ticketListHref, type TicketListParams } from "../ticket-list-params";

interface TicketFiltersProps {
  params: TicketListParams;
  staffView: boolean;
  offices: OfficeView[];
  staff: UserOption[];
}

/** Typing pauses this long before the search is applied, so each keystroke is not a page load. */
const SEARCH_DELAY_MS = 350;

/**
 * Filters that apply as they change: each one replaces the URL (so a list can be bookmarked, shared
 * and reloaded) and the server reads the page again; the live list keeps patching what it shows.
 */
export function TicketFilters({ params, staffView, offices, staff }: TicketFiltersProps) {
  const router = useRouter();
  const href = ticketListHref(params);
  const [q, setQ] = useState(params.q);
  const search = useRef<HTMLInputElement>(null);
  const go = (next: Partial<TicketListParams>) => router.replace(ticketListHref({ ...params, ...next, page: 1 }), { scroll: false });

  // A view link or Back changed the URL: show its search, unless someone is typing in the box.
  useEffect(() => {
    if (document.activeElement !== search.current) setQ(params.q);
  }, [href, params.q]);

  useEffect(() => {
    if (q.trim() === params.q) return;
    const timer = setTimeout(() => go({ q: q.trim() }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // `go` closes over params, which `href` stands for.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q, href]);

  return (
    <form
      role="search"
      aria-label="Filter tickets"
      className="flex flex-wrap items-end gap-3 border-b border-slate-200 p-3 dark:border-slate-800"
      onSubmit={(event) => {
        event.preventDefault();
        if (q.trim() !== params.q) go({ q: q.trim() });
      }}
    >
      <InputField
        ref={search}
        id="ticket-search"
        name="q"
        type="search"
        label="Search tickets"
        placeholder="Subject, description or T-number"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        className="min-w-56 flex-1"
      />
      <SelectField id="ticket-status" name="status" label="Status" value={params.status} onChange={(e) => go({ status: e.target.value })}>
        <option value="">Any status</option>
        {TICKET_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </SelectField>
      {staffView ? (
        <>
          <SelectField id="ticket-priority" name="priority" label="Priority" value={params.priority} onChange={(e) => go({ priority: e.target.value })}>
            <option value="">Any priority</option>
            {TICKET_PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {PRIORITY_LABELS[priority]}
              </option>
            ))}
          </SelectField>
          <SelectField id="ticket-office" name="office" label="Office" value={params.office} onChange={(e) => go({ office: e.target.value })}>
            <option value="">Any office</option>
            <option value="none">No office</option>
            {offices.map((office) => (
              <option key={office.id} value={office.id}>
                {office.name}
              </option>
            ))}
          </SelectField>
          <SelectField id="ticket-assignee" name="assignee" label="Assignee" value={params.assignee} onChange={(e) => go({ assignee: e.target.value })}>
            <option value="">Anyone</option>
            <option value="none">Unassigned</option>
            {staff.map((user) => (
              <option key={user.id} value={user.id}>
                {staffOptionLabel(user)}
              </option>
            ))}
          </SelectField>
          <label className="flex items-center gap-2 pb-2 text-sm font-medium">
            <input
              type="checkbox"
              name="mine"
              checked={params.mine}
              onChange={(e) => go({ mine: e.target.checked })}
              className="size-4 rounded border-slate-300"
            />
            Assigned to me
          </label>
          <label className="flex items-center gap-2 pb-2 text-sm font-medium">
            <input
              type="checkbox"
              name="overdue"
              checked={params.overdue}
              onChange={(e) => go({ overdue: e.target.checked })}
              className="size-4 rounded border-slate-300"
            />
            Overdue
          </label>
        </>
      ) : null}
      <div className="pb-0.5">
        <ButtonLink href="/tickets" variant="ghost">
          Clear filters
        </ButtonLink>
      </div>
    </form>
  );
}
