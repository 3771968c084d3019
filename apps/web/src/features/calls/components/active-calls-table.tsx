"use client";

import type { ReactNode } from "react";
import type { CallView } from "@switchboard/contracts";
import { CALL_DIRECTION_LABELS } from "../call-format";
import { CallLinks, Dash, Party, type CallNames } from "./call-cells";
import { CallStateBadge } from "./call-state-badge";
import { LiveDuration, LiveHoldTime } from "./live-duration";

const th = "px-3 py-2 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400";
const td = "px-3 py-2.5 align-middle";

interface ActiveCallsTableProps {
  calls: CallView[];
  names: CallNames;
  /** Extra per-call controls (hang up, transfer) for those allowed to use them. */
  controls?: (call: CallView) => ReactNode;
}

/** Calls in progress, oldest first, with ticking durations; rows change in place as events arrive. */
export function ActiveCallsTable({ calls, names, controls }: ActiveCallsTableProps) {
  return (
    <div className="relative overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm dark:divide-slate-800">
        <caption className="sr-only">Active calls</caption>
        <thead className="bg-slate-50 dark:bg-slate-800/50">
          <tr>
            <th scope="col" className={th}>
              From
            </th>
            <th scope="col" className={th}>
              To
            </th>
            <th scope="col" className={th}>
              State
            </th>
            <th scope="col" className={th}>
              Direction
            </th>
            <th scope="col" className={th}>
              Extension
            </th>
            <th scope="col" className={th}>
              Trunk
            </th>
            <th scope="col" className={th}>
              Queue
            </th>
            <th scope="col" className={th}>
              Duration
            </th>
            <th scope="col" className={th}>
              On hold
            </th>
            <th scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {calls.length === 0 ? (
            <tr>
              <td colSpan={10} className="px-3 py-10 text-center">
                <p className="font-medium">No calls in progress.</p>
                <p className="mt-1 text-slate-600 dark:text-slate-400">New calls appear here the moment the phone system reports them.</p>
              </td>
            </tr>
          ) : (
            calls.map((call) => (
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
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
