"use client";

import { useCallback, useId, useMemo, useState, type DragEvent } from "react";
import { toast } from "sonner";
import type { CallDirectory, CallView, ExtensionStatusView, ExtensionView, TrunkStatusView } from "@switchboard/contracts";
import { LAMP_LABELS } from "@/components/status/lamp";
import { Panel } from "@/components/ui/panel";
import { callWho } from "@/features/call-control/components/call-actions-menu";
import { useCallCommands } from "@/features/call-control/use-call-commands";
import { applyCallEvents, CALL_TOPICS } from "@/features/calls/live-calls";
import { useEventsSince } from "@/features/realtime/use-events-since";
import { useLiveCollection } from "@/features/realtime/use-live-collection";
import { useLiveExtensionStatuses, useLiveTrunkStatuses } from "@/features/realtime/use-live-statuses";
import { operatorCardOf, type OperatorCard } from "../operator-card";
import { byNumber, filterExtensions, type ExtensionGroup, type PanelFilter } from "../operator-filter";
import { trunkLampsOf, waitingCallsOf } from "../waiting-calls";
import { droppedCallId } from "./call-drag";
import { ExtensionTile } from "./extension-tile";
import { PanelToolbar } from "./panel-toolbar";
import { TrunkLampsPanel } from "./trunk-lamps-panel";
import { WaitingCallsPanel } from "./waiting-calls-panel";

interface OperatorPanelProps {
  seq: number;
  extensions: ExtensionView[];
  statuses: ExtensionStatusView[];
  activeCalls: CallView[];
  trunks: CallDirectory["trunks"];
  trunkStatuses: TrunkStatusView[];
  groups: ExtensionGroup[];
  ownExtension: { id: string; number: string } | null;
  /** canControlCalls(viewer): transfer, hang up, pick up. */
  canControl: boolean;
}

/** The newest live call each extension takes part in. */
function callsByExtension(calls: readonly CallView[]): Map<string, CallView> {
  const byExt = new Map<string, CallView>();
  for (const call of calls) for (const id of call.extensionIds) byExt.set(id, call);
  return byExt;
}

/**
 * The operator panel: every extension as a button (state in colour, glyph and words), the calls
 * waiting to be answered and the trunks, all live. Calls move by drag and drop or, for keyboards,
 * through "Transfer call to…" in an extension's menu.
 */
export function OperatorPanel(props: OperatorPanelProps) {
  const { seq, groups, ownExtension, canControl, trunks } = props;
  const extensions = useLiveCollection("extension", props.extensions, seq);
  const statuses = useLiveExtensionStatuses(props.statuses, seq);
  const trunkStatuses = useLiveTrunkStatuses(props.trunkStatuses, seq);
  const events = useEventsSince(seq, CALL_TOPICS);
  const active = useMemo(() => applyCallEvents({ active: props.activeCalls, recent: [], recentTotal: 0 }, events, null, 0).active, [props.activeCalls, events]);
  const callOf = useMemo(() => callsByExtension(active), [active]);
  const sorted = useMemo(() => [...extensions].sort(byNumber), [extensions]);
  const cards = useMemo(
    () => new Map<string, OperatorCard>(extensions.map((ext) => [ext.id, operatorCardOf(statuses.get(ext.id), callOf.get(ext.id))])),
    [extensions, statuses, callOf]
  );
  const [filter, setFilter] = useState<PanelFilter>({ query: "", groupId: "" });
  const visible = useMemo(() => filterExtensions(sorted, filter, groups, (id) => callOf.get(id)), [sorted, filter, groups, callOf]);
  const waiting = useMemo(() => waitingCallsOf(active), [active]);
  const trunkLamps = useMemo(() => trunkLampsOf(trunks, trunkStatuses, active), [trunks, trunkStatuses, active]);
  const targets = useMemo(
    () =>
      sorted.map((ext) => ({
        id: ext.id,
        number: ext.number,
        displayName: ext.displayName,
        enabled: ext.enabled,
        state: LAMP_LABELS[cards.get(ext.id)?.lamp ?? "unregistered"]
      })),
    [sorted, cards]
  );
  const numbers = useMemo(() => new Map(extensions.map((ext) => [ext.id, ext.number])), [extensions]);
  const commands = useCallCommands();
  const [dragging, setDragging] = useState(false);
  const hintId = useId();

  const { transfer } = commands;
  const dropCall = useCallback(
    (event: DragEvent, target: ExtensionView) => {
      setDragging(false);
      const callId = droppedCallId(event);
      const call = active.find((c) => c.id === callId);
      if (!call) return void toast.error("That call has ended.");
      if (call.extensionIds.includes(target.id)) return;
      void transfer(call.id, target.number).then((outcome) => {
        if (!outcome.ok) toast.error(`Could not transfer ${callWho(call)} to ${target.number}: ${outcome.error}`);
      });
    },
    [active, transfer]
  );

  return (
    <div className="grid gap-3 lg:grid-cols-[minmax(0,1fr)_17rem]">
      <section aria-labelledby="extensions-heading" className="min-w-0 space-y-2">
        <h2 id="extensions-heading" className="sr-only">
          Extensions
        </h2>
        <PanelToolbar filter={filter} onFilter={setFilter} groups={groups} cards={cards} shown={visible.length} total={sorted.length} />
        <p id={hintId} className="sr-only">
          Drag onto another extension to transfer the call, or open the menu and choose Transfer call to.
        </p>
        {sorted.length === 0 ? (
          <Panel className="p-6">
            <p className="font-medium">No extensions yet.</p>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Lamps appear here as soon as extensions are added.</p>
          </Panel>
        ) : visible.length === 0 ? (
          <p role="status" className="rounded-md border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
            No extension matches this search or group.
          </p>
        ) : (
          <ul aria-label="Extension lamps" className="grid grid-cols-[repeat(auto-fill,minmax(7.75rem,1fr))] gap-1.5">
            {visible.map((ext) => (
              <ExtensionTile
                key={ext.id}
                ext={ext}
                status={statuses.get(ext.id)}
                card={cards.get(ext.id) ?? operatorCardOf(statuses.get(ext.id), undefined)}
                canControl={canControl}
                commands={commands}
                targets={targets}
                dropEnabled={canControl && !commands.offline}
                dragging={dragging}
                hintId={hintId}
                onDropCall={dropCall}
                onDragState={setDragging}
              />
            ))}
          </ul>
        )}
      </section>
      <div className="space-y-3">
        <WaitingCallsPanel
          calls={waiting}
          canControl={canControl}
          commands={commands}
          targets={targets}
          ownExtension={ownExtension}
          hintId={hintId}
          onDragState={setDragging}
          numberOf={(id) => numbers.get(id)}
        />
        <TrunkLampsPanel lamps={trunkLamps} />
        {canControl && commands.offline ? (
          <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
            Call control is off while the connection is lost.
          </p>
        ) : null}
      </div>
    </div>
  );
}
