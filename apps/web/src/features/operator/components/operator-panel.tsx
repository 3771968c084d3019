"use client";

import { useMemo } from "react";
import type { CallView, ExtensionStatusView, ExtensionView } from "@switchboard/contracts";
import { LAMP_LABELS, type LampKind } from "@/components/status/lamp";
import { Lamp, LampDot } from "@/components/status/lamps";
import { Panel } from "@/components/ui/panel";
import { partyLabel } from "@/features/calls/call-format";
import { LiveDuration } from "@/features/calls/components/live-duration";
import { applyCallEvents } from "@/features/calls/live-calls";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { useLiveCollection } from "@/features/realtime/use-live-collection";
import { useLiveExtensionStatuses } from "@/features/realtime/use-live-statuses";
import { operatorCardOf, type OperatorCard } from "../operator-card";

const LEGEND: LampKind[] = ["idle", "ringing", "in_use", "busy", "on_hold", "dnd", "unregistered", "unreachable"];

interface OperatorPanelProps {
  seq: number;
  extensions: ExtensionView[];
  statuses: ExtensionStatusView[];
  activeCalls: CallView[];
}

/** The newest live call each extension takes part in. */
function callsByExtension(calls: readonly CallView[]): Map<string, CallView> {
  const byExt = new Map<string, CallView>();
  for (const call of calls) for (const id of call.extensionIds) byExt.set(id, call);
  return byExt;
}

/** The other party, seen from the extension: the caller when it was called, the callee when it called. */
function otherParty(call: CallView, number: string): string {
  const [otherNumber, otherName] = call.fromNumber === number ? [call.toNumber, call.toName] : [call.fromNumber, call.fromName];
  return partyLabel(otherNumber, otherName);
}

/** BLF grid: one lamp per extension, number and name, state in words; live from status events. */
export function OperatorPanel({ seq, extensions: initialExtensions, statuses: initialStatuses, activeCalls }: OperatorPanelProps) {
  const extensions = useLiveCollection("extension", initialExtensions, seq);
  const statuses = useLiveExtensionStatuses(initialStatuses, seq);
  const events = useEventsSince(seq);
  const callOf = useMemo(
    () => callsByExtension(applyCallEvents({ active: activeCalls, recent: [], recentTotal: 0 }, events, null, 0).active),
    [activeCalls, events]
  );
  const sorted = useMemo(() => [...extensions].sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true })), [extensions]);
  const cards = useMemo(
    () => new Map(extensions.map((ext) => [ext.id, operatorCardOf(statuses.get(ext.id), callOf.get(ext.id))])),
    [extensions, statuses, callOf]
  );
  const counts = useMemo(() => {
    const c = new Map<LampKind, number>();
    for (const card of cards.values()) c.set(card.lamp, (c.get(card.lamp) ?? 0) + 1);
    return c;
  }, [cards]);

  return (
    <div className="space-y-4">
      <section aria-labelledby="legend-heading">
        <h2 id="legend-heading" className="sr-only">
          Lamp summary
        </h2>
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
          {LEGEND.map((kind) => (
            <li key={kind} className="inline-flex items-center gap-1.5">
              <LampDot kind={kind} />
              <span>
                {LAMP_LABELS[kind]}: <span className="tabular-nums">{counts.get(kind) ?? 0}</span>
              </span>
            </li>
          ))}
        </ul>
      </section>
      {sorted.length === 0 ? (
        <Panel className="p-6">
          <p className="font-medium">No extensions yet.</p>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Lamps appear here as soon as extensions are added.</p>
        </Panel>
      ) : (
        <ul aria-label="Extension lamps" className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-6">
          {sorted.map((ext) => {
            const status = statuses.get(ext.id);
            const card = cards.get(ext.id) ?? operatorCardOf(status, undefined);
            return (
              <li
                key={ext.id}
                aria-label={`Extension ${ext.number}`}
                className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900"
              >
                <p className="font-mono text-lg font-semibold">{ext.number}</p>
                <p className="truncate text-sm text-slate-700 dark:text-slate-300" title={ext.displayName}>
                  {ext.displayName}
                </p>
                <p className="mt-2 text-sm">
                  <Lamp kind={card.lamp} />
                </p>
                {card.lamp === "dnd" && status && status.deviceState !== "idle" ? (
                  <p className="text-xs text-slate-600 dark:text-slate-400">Phone: {LAMP_LABELS[status.deviceState]}</p>
                ) : null}
                {card.call ? <ExtensionCall line={card.call} number={ext.number} /> : null}
                {!ext.enabled ? <p className="text-xs text-slate-600 dark:text-slate-400">Disabled</p> : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function ExtensionCall({ line: { verb, call }, number }: { line: NonNullable<OperatorCard["call"]>; number: string }) {
  return (
    <p className="mt-1 text-xs text-slate-700 dark:text-slate-300">
      <span className="block truncate" title={otherParty(call, number)}>
        {verb} {otherParty(call, number)}
      </span>
      <LiveDuration call={call} />
    </p>
  );
}
