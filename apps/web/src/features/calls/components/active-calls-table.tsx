"use client";

import type { ReactNode } from "react";
import type { CallView } from "@switchboard/contracts";
import { PlainTable } from "@/components/data-table/plain-table";
import { CALL_DIRECTION_LABELS } from "../call-format";
import { CallLinks, Dash, Party, type CallNames } from "./call-cells";
import { CallStateBadge } from "./call-state-badge";
import { LiveDuration, LiveHoldTime } from "./live-duration";

const td = "px-3 py-2.5 align-middle";
const HEADERS = ["From", "To", "State", "Direction", "Extension", "Trunk", "Queue", "Duration", "On hold"];

interface ActiveCallsTableProps {
  calls: CallView[];
  names: CallNames;
  /** Extra per-call controls (hang up, transfer) for those allowed to use them. */
  controls?: (call: CallView) => ReactNode;
}

/** Calls in progress, oldest first, with ticking durations; rows change in place as events arrive. */
export function ActiveCallsTable({ calls, names, controls }: ActiveCallsTableProps) {
  return (
    <PlainTable
      caption="Active calls"
      headers={HEADERS}
      actions
      empty={
        calls.length === 0 ? (
          <>
            <p className="font-medium">No calls in progress.</p>
            <p className="mt-1 text-slate-600 dark:text-slate-400">New calls appear here the moment the phone system reports them.</p>
          </>
        ) : null
      }
    >
      {calls.map((call) => (
        <tr key={call.id} className="hover:bg-slate-50 dark:hover:bg-slate-800/40">
          <th scope="row" className="px-3 py-2.5 text-left align-middle font-normal">
            <Party number={call.fromNumber} name={call.fromName} />
          </th>
          <td className={td}>
            <Party number={call.toNumber} name={call.toName} />
          </td>
          <td className={`${td} whitespace-nowrap`}>
            <CallStateBadge state={call.state} />
            {call.transferredTo ? <span className="mt-0.5 block text-xs text-slate-600 dark:text-slate-400">to {call.transferredTo}</span> : null}
          </td>
          <td className={td}>{CALL_DIRECTION_LABELS[call.direction]}</td>
          <td className={td}>
            <Dash value={names.extensionNumbers(call.extensionIds)} />
          </td>
          <td className={td}>
            <Dash value={names.trunkName(call.trunkId)} />
          </td>
          <td className={td}>
            <Dash value={call.queue} />
          </td>
          <td className={td}>
            <LiveDuration call={call} />
          </td>
          <td className={td}>
            <LiveHoldTime call={call} />
          </td>
          <td className={td}>
            <div className="flex flex-wrap items-center gap-3">
              <CallLinks call={call} />
              {controls?.(call)}
            </div>
          </td>
        </tr>
      ))}
    </PlainTable>
  );
}
