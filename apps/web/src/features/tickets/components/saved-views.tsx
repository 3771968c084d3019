"use client";

import Link from "next/link";
import { clsx } from "clsx";
import type { DomainEvent } from "@switchboard/contracts";
import { useRefreshedSnapshot } from "@/features/realtime/use-refreshed-snapshot";
import { refreshSavedViewCountsAction } from "../actions/saved-view-actions";
import { TICKET_TOPICS } from "../apply-ticket-events";
import { activeSavedView, SAVED_VIEWS, savedViewParams, type SavedViewCounts } from "../ticket-saved-views";
import { ticketListHref, type TicketListParams } from "../ticket-list-params";

const affectsCounts = (events: readonly DomainEvent[]) => events.some((e) => e.type.startsWith("ticket."));
/** Counts are re-read this long after the first ticket event: a busy helpdesk's events share one count per tab. */
const RECOUNT_DELAY_MS = 1000;
/** Tickets fall overdue with no event: the counts are also re-read this often. */
const OVERDUE_REREAD_MS = 60_000;

/** The staff's saved views as tabs of links, each with its count kept current. */
export function SavedViews({ params, initial }: { params: TicketListParams; initial: SavedViewCounts }) {
  const { counts } = useRefreshedSnapshot(initial, TICKET_TOPICS, affectsCounts, refreshSavedViewCountsAction, RECOUNT_DELAY_MS, OVERDUE_REREAD_MS);
  const active = activeSavedView(params);
  return (
    <nav aria-label="Saved views" className="border-b border-slate-200 px-3 pt-2 dark:border-slate-800">
      <ul className="-mb-px flex flex-wrap gap-1">
        {SAVED_VIEWS.map((view) => {
          const current = active?.id === view.id;
          const count = counts[view.id];
          return (
            <li key={view.id}>
              <Link
                href={ticketListHref(savedViewParams(view, params))}
                aria-current={current ? "page" : undefined}
                aria-label={count !== undefined ? `${view.label} (${count})` : undefined}
                className={clsx(
                  "inline-flex items-center gap-2 rounded-t-md border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-500",
                  current
                    ? "border-brand-600 text-brand-800 dark:border-brand-400 dark:text-brand-200"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
                )}
              >
                {view.label}
                {count !== undefined ? (
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700 tabular-nums dark:bg-slate-800 dark:text-slate-200">
                    {count}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
