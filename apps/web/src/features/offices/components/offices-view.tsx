"use client";

import { useMemo, useState } from "react";
import type { UserOption } from "@switchboard/contracts";
import { PlainTable } from "@/components/data-table/plain-table";
import { STICKY_ACTIONS_CELL } from "@/components/data-table/sticky-actions";
import { useConfirmDelete } from "@/components/data-table/use-confirm-delete";
import { buttonClasses } from "@/components/ui/button";
import { applyEntityEvents, type EntityChangeType } from "@/features/realtime/apply-entity-events";
import { familiesFor } from "@/features/realtime/topics";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { deleteOfficeAction } from "../actions/office-actions";
import type { OfficeRow } from "../office-row";
import { OfficeEditor } from "./office-editor";

const OFFICE_TOPICS = familiesFor<Extract<EntityChangeType, `office.${string}`>>()(["offices"]);

// An office event carries the office, not its ticket count: keep the count read with the page.
const keepCount = (previous: OfficeRow | undefined, state: OfficeRow): OfficeRow => ({ ...state, ticketCount: previous?.ticketCount ?? 0 });

/** The offices, live: created, renamed, re-staffed or deleted by anyone, it shows here at once. */
export function OfficesView({ seq, offices, staff, canManage }: { seq: number; offices: OfficeRow[]; staff: UserOption[]; canManage: boolean }) {
  const events = useEventsSince(seq, OFFICE_TOPICS);
  const rows = useMemo(() => applyEntityEvents(offices, events, "office", keepCount).sort((a, b) => a.name.localeCompare(b.name)), [offices, events]);
  const names = new Map(staff.map((u) => [u.id, u.name]));
  // The office as it was when editing began: the editor stays open (with what was typed) even if
  // the office is renamed or deleted meanwhile, and says so.
  const [editing, setEditing] = useState<OfficeRow | null>(null);
  const { request, dialog } = useConfirmDelete<OfficeRow>({
    title: (o) => `Delete office ${o.name}?`,
    description: () => <p>Only an office without tickets and members can be deleted.</p>,
    success: (o) => `Office ${o.name} deleted`,
    remove: (o) => deleteOfficeAction(o.id)
  });
  return (
    <div className="space-y-4">
      <PlainTable
        caption="Offices"
        headers={["Office", "Members", "Tickets"]}
        actions={canManage}
        empty={rows.length === 0 ? <span className="font-medium">No offices yet.</span> : null}
      >
        {rows.map((office) => (
          <tr key={office.id}>
            <th scope="row" className="px-3 py-2.5 text-left font-semibold">
              {canManage ? (
                <button type="button" onClick={() => setEditing(office)} className="text-left text-brand-700 hover:underline dark:text-brand-300">
                  {office.name}
                </button>
              ) : (
                office.name
              )}
            </th>
            <td className="px-3 py-2.5">{office.memberIds.map((id) => names.get(id) ?? "—").join(", ") || "—"}</td>
            <td className="px-3 py-2.5">{office.ticketCount}</td>
            {canManage ? (
              <td className={`px-3 py-2.5 text-right whitespace-nowrap ${STICKY_ACTIONS_CELL}`}>
                <button type="button" onClick={() => setEditing(office)} className={buttonClasses("ghost", "sm")}>
                  Edit<span className="sr-only"> office {office.name}</span>
                </button>
                <button type="button" onClick={() => request(office)} className={buttonClasses("ghost", "sm", "text-red-700 dark:text-red-400")}>
                  Delete<span className="sr-only"> office {office.name}</span>
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </PlainTable>
      {editing ? <OfficeEditor key={editing.id} office={editing} seq={seq} staff={staff} onDone={() => setEditing(null)} /> : null}
      {dialog}
    </div>
  );
}
