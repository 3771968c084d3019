"use client";

import type { ReactNode } from "react";
import type { CallView } from "@switchboard/contracts";
import { PlainTable } from "@/components/data-table/plain-table";
import { STICKY_ACTIONS_CELL } from "@/components/data-table/sticky-actions";
import { ButtonLink } from "@/components/ui/button";
import { LocalDate } from "@/components/ui/local-date";
import { CALL_DIRECTION_LABELS, formatDuration } from "../call-format";
import { Dash, Party, type CallNames } from "./call-cells";
import { CallResultBadge } from "./call-state-badge";

const td = "px-3 py-1.5 align-middle whitespace-nowrap";
const HEADERS = ["Started", "From", "To", "Direction", "Result", "Extension", "Trunk", "Duration", "Talk time", "On hold"];

const seconds = (value: number | null) => (value === null ? "—" : formatDuration(value));

interface RecentCallsTableProps {
  calls: CallView[];
  /** The row's actions menu. */
  actions: (call: CallView) => ReactNode;
  names: CallNames;
  filtered: boolean;
  page: number;
}

/** Finished calls, newest first; one server page at a time. */
export function RecentCallsTable({ calls, actions, names, filtered, page }: RecentCallsTableProps) {
  const empty = page > 1 ? "No calls on this page." : filtered ? "No calls match these filters." : "No finished calls yet.";
  return (
    <PlainTable caption="Recent calls" headers={HEADERS} actions empty={calls.length === 0 ? <span className="font-medium">{empty}</span> : null}>
      {calls.map((call) => (
        <tr key={call.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/40">
          <td className={td}>
            <LocalDate iso={call.startedAt} />
          </td>
          <th scope="row" className="px-3 py-1.5 text-left align-middle font-normal">
            <Party number={call.fromNumber} name={call.fromName} />
          </th>
          <td className={td}>
            <Party number={call.toNumber} name={call.toName} />
          </td>
          <td className={td}>{CALL_DIRECTION_LABELS[call.direction]}</td>
          <td className={td}>
            <CallResultBadge result={call.result} />
          </td>
          <td className={td}>
            <Dash value={names.extensionNumbers(call.extensionIds)} />
          </td>
          <td className={td}>
            <Dash value={names.trunkName(call.trunkId)} />
          </td>
          <td className={`${td} font-mono tabular-nums`}>{seconds(call.durationSeconds)}</td>
          <td className={`${td} font-mono tabular-nums`}>{seconds(call.talkSeconds)}</td>
          <td className={`${td} font-mono tabular-nums`}>{call.holdSeconds ? formatDuration(call.holdSeconds) : "—"}</td>
          <td className={`${td} ${STICKY_ACTIONS_CELL}`}>{actions(call)}</td>
        </tr>
      ))}
    </PlainTable>
  );
}

interface RecentPagerProps {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
}

/** Server paging through links, so the page is in the URL (shareable, back button works). */
export function RecentPager({ page, pageSize, total, hrefFor }: RecentPagerProps) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 px-3 py-3 text-sm dark:border-slate-800">
      <p aria-live="polite" className="text-slate-600 dark:text-slate-400">
        {total === 0 ? "No recent calls" : `Showing ${first}–${last} of ${total} recent calls`}
      </p>
      <nav aria-label="Recent calls pages" className="flex items-center gap-3">
        <span className="text-slate-700 dark:text-slate-300">
          Page {Math.min(page, pageCount)} of {pageCount}
        </span>
        {page > 1 ? (
          <ButtonLink variant="secondary" size="sm" href={hrefFor(page - 1)}>
            Previous page
          </ButtonLink>
        ) : null}
        {page < pageCount ? (
          <ButtonLink variant="secondary" size="sm" href={hrefFor(page + 1)}>
            Next page
          </ButtonLink>
        ) : null}
      </nav>
    </div>
  );
}
