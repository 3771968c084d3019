"use client";

import { useMemo } from "react";
import { activityKindOf, type DomainEvent, type Page, type TopicFamily } from "@switchboard/contracts";
import { PageLinks } from "@/components/data-table/page-links";
import { PlainTable } from "@/components/data-table/plain-table";
import { LocalDate } from "@/components/ui/local-date";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { ACTIVITY_KIND_LABELS, applyActivityEvents, describeActivity, type ActivityFilter } from "../describe-activity";

interface ActivityViewProps {
  seq: number;
  page: Page<DomainEvent>;
  filter: ActivityFilter;
  filterQuery: string;
  /** The families with entries the viewer may see (decided by the page, which knows their role). */
  topics: readonly TopicFamily[];
}

/** The log, newest first; on the first page what anyone does from now on appears on top as it happens. */
export function ActivityView({ seq, page, filter, filterQuery, topics }: ActivityViewProps) {
  // Only the first page takes new entries.
  const events = useEventsSince(seq, page.page === 1 ? topics : []);
  const rows = useMemo(() => applyActivityEvents(page.data, events, filter, page.page === 1), [page, events, filter]);
  const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));
  const href = (n: number) => `/activity?${filterQuery}${filterQuery ? "&" : ""}page=${n}`;
  return (
    <>
      <PlainTable
        caption="Activity"
        headers={["When", "Who", "What", "Kind"]}
        empty={rows.length === 0 ? <span className="font-medium">Nothing happened that matches these filters.</span> : null}
      >
        {rows.map((event) => {
          const kind = activityKindOf(event.type);
          return (
            <tr key={event.id}>
              <td className="px-3 py-2.5 whitespace-nowrap">
                <LocalDate iso={event.at} />
              </td>
              <th scope="row" className="px-3 py-2.5 text-left font-semibold">
                {event.actor?.name ?? "—"}
              </th>
              <td className="px-3 py-2.5">{describeActivity(event)}</td>
              <td className="px-3 py-2.5">{kind ? ACTIVITY_KIND_LABELS[kind] : "—"}</td>
            </tr>
          );
        })}
      </PlainTable>
      <PageLinks page={page.page} pageCount={pageCount} href={href} />
    </>
  );
}
