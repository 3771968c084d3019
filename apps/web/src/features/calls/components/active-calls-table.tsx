"use client";

import type { ReactNode } from "react";
import type { CallView } from "@switchboard/contracts";
import { PlainTable } from "@/components/data-table/plain-table";
import { STICKY_ACTIONS_CELL } from "@/components/data-table/sticky-actions";
import { CALL_DIRECTION_LABELS } from "../call-format";
import { Dash, Party, type CallNames } from "./call-cells";
import { CallStateBadge } from "./call-state-badge";
import { LiveDuration, LiveHoldTime } from "./live-duration";

const td = "px-3 py-1.5 align-middle whitespace-nowrap";
const HEADERS = ["From", "To", "State", "Direction", "Extension", "Trunk", "Queue", "Duration", "On hold"];

interface ActiveCallsTableProps {
  calls: CallView[];
  names: CallNames;
  /** The row's actions menu. */
  actions: (call: CallView) => ReactNode;
}

/** Calls in progress, oldest first, with ticking durations; rows change in place as events arrive. */
export function ActiveCallsTable({ calls, names, actions }: ActiveCallsTableProps) {
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
          <th scope="row" className="px-3 py-1.5 text-left align-middle font-normal">
            <Party number={call.fromNumber} name={call.fromName} />
          </th>
          <td className={td}>
            <Party number={call.toNumber} name={call.toName} />
          </td>
          <td className={td}>
            <CallStateBadge state={call.state} />
            {call.transferredTo ? <span className="ml-1.5 text-xs text-slate-600 dark:text-slate-400">to {call.transferredTo}</span> : null}
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
          <td className={`${td} ${STICKY_ACTIONS_CELL}`}>{actions(call)}</td>
        </tr>
      ))}
    </PlainTable>
  );
}
