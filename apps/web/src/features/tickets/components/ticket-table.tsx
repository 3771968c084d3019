"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import type { TicketView } from "@switchboard/contracts";
import { LocalDate } from "@/components/ui/local-date";
import { PageControls } from "@/components/data-table/pagination";
import { ariaSortOf } from "@/components/data-table/sort-header";
import { ticketHref, ticketListHref, TICKET_PAGE_SIZES, type TicketListParams } from "../ticket-list-params";
import { SlaCountdown } from "./sla-countdown";
import { PriorityBadge, StatusBadge } from "./ticket-badges";

interface Column {
  id: string;
  label: string;
  /** The service's sort key, when the column sorts. */
  sort?: string;
  staffOnly?: boolean;
  /** `href`: the ticket's page, opened from this list. */
  cell: (ticket: TicketView, unread: boolean, href: string) => ReactNode;
}

const staffCell = (render: (t: Extract<TicketView, { view: "staff" }>) => ReactNode) => (t: TicketView) => (t.view === "staff" ? render(t) : null);

const COLUMNS: Column[] = [
  { id: "number", label: "Ticket", sort: "number", cell: (t) => t.publicId },
  {
    id: "subject",
    label: "Subject",
    sort: "subject",
    cell: (t, unread, href) => (
      <span className="flex flex-wrap items-center gap-2">
        <Link href={href} data-ticket-link className={`text-brand-700 hover:underline dark:text-brand-300 ${unread ? "font-bold" : "font-medium"}`}>
          {t.subject}
        </Link>
        {unread ? (
          <span className="rounded-full bg-brand-100 px-2 py-0.5 text-xs font-semibold text-brand-800 dark:bg-brand-900 dark:text-brand-100">
            New customer reply
          </span>
        ) : null}
      </span>
    )
  },
  { id: "status", label: "Status", sort: "status", cell: (t) => <StatusBadge status={t.status} /> },
  { id: "priority", label: "Priority", sort: "priority", staffOnly: true, cell: staffCell((t) => <PriorityBadge priority={t.priority} />) },
  { id: "office", label: "Office", staffOnly: true, cell: staffCell((t) => t.officeName ?? "—") },
  { id: "assignee", label: "Assignee", staffOnly: true, cell: staffCell((t) => t.assigneeName ?? "Unassigned") },
  { id: "customer", label: "Customer", staffOnly: true, cell: (t) => t.customerName },
  { id: "sla", label: "SLA", sort: "slaDueAt", staffOnly: true, cell: staffCell((t) => <SlaCountdown ticket={t} />) },
  { id: "updated", label: "Updated", sort: "updatedAt", cell: (t) => <LocalDate iso={t.updatedAt} /> }
];

interface TicketTableProps {
  rows: TicketView[];
  total: number;
  params: TicketListParams;
  staffView: boolean;
  /** Tickets to mark as having a customer reply the viewer has not read. */
  unread?: ReadonlySet<string>;
  /** Extra cells after the subject, e.g. who is on each ticket right now. */
  onTicket?: (ticket: TicketView) => ReactNode;
  empty: ReactNode;
}

/** One server page of tickets; sorting and paging change the URL, so the server reads the page again. */
export function TicketTable({ rows, total, params, staffView, unread, onTicket, empty }: TicketTableProps) {
  const router = useRouter();
  const columns = COLUMNS.filter((c) => staffView || !c.staffOnly);
  const go = (next: Partial<TicketListParams>) => router.push(ticketListHref({ ...params, ...next }));
  const pageCount = Math.max(1, Math.ceil(total / params.pageSize));
  const thClass = "px-3 py-2.5 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase dark:text-slate-300";
  const colSpan = columns.length + (onTicket ? 1 : 0);

  return (
    <div>
      <div className="relative overflow-x-auto">
        <table data-ticket-list className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
          <caption className="sr-only">Tickets</caption>
          <thead className="bg-slate-50 dark:bg-slate-800/50">
            <tr>
              {columns.map((column) => {
                const sorted = column.sort === params.sort ? params.dir : false;
                return (
                  <th key={column.id} scope="col" aria-sort={column.sort ? ariaSortOf(sorted) : undefined} className={thClass}>
                    {column.sort ? (
                      <button
                        type="button"
                        className="-mx-1 rounded px-1 uppercase hover:text-slate-900 dark:hover:text-white"
                        onClick={() =>
                          go({
                            sort: column.sort,
                            dir: sorted === "asc" ? "desc" : sorted === "desc" ? "asc" : column.sort === "subject" || column.sort === "number" ? "asc" : "desc",
                            page: 1
                          })
                        }
                      >
                        {column.label}
                        <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}</span>
                      </button>
                    ) : (
                      column.label
                    )}
                  </th>
                );
              })}
              {onTicket ? (
                <th scope="col" className={thClass}>
                  On it now
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={colSpan} className="px-3 py-10 text-center">
                  {empty}
                </td>
              </tr>
            ) : (
              rows.map((ticket) => (
                <tr key={ticket.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/40">
                  {columns.map((column) =>
                    column.id === "number" ? (
                      <th key={column.id} scope="row" className="px-3 py-2.5 text-left font-semibold whitespace-nowrap">
                        {column.cell(ticket, false, ticketHref(ticket.id, params))}
                      </th>
                    ) : (
                      <td key={column.id} className="px-3 py-2.5 align-middle">
                        {column.cell(ticket, unread?.has(ticket.id) ?? false, ticketHref(ticket.id, params))}
                      </td>
                    )
                  )}
                  {onTicket ? <td className="px-3 py-2.5 align-middle">{onTicket(ticket)}</td> : null}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <PageControls
        noun="tickets"
        total={total}
        page={params.page}
        pageCount={pageCount}
        pageSize={params.pageSize}
        rowsOnPage={rows.length}
        pageSizes={TICKET_PAGE_SIZES}
        onPageSize={(pageSize) => go({ pageSize, page: 1 })}
        onPrevious={() => go({ page: params.page - 1 })}
        onNext={() => go({ page: params.page + 1 })}
      />
    </div>
  );
}
