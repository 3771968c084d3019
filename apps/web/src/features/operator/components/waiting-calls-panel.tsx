"use client";

import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import type { CallView } from "@switchboard/contracts";
import { Button } from "@/components/ui/button";
import { callWho } from "@/features/call-control/components/call-actions-menu";
import { TransferPopover } from "@/features/call-control/components/transfer-popover";
import type { TransferTarget } from "@/features/call-control/transfer-targets";
import type { CallCommands } from "@/features/call-control/use-call-commands";
import { partyLabel } from "@/features/calls/call-format";
import { LiveDuration } from "@/features/calls/components/live-duration";
import { startCallDrag } from "./call-drag";

interface WaitingCallsPanelProps {
  calls: readonly CallView[];
  canControl: boolean;
  commands: CallCommands;
  targets: readonly TransferTarget[];
  ownExtension: { id: string; number: string } | null;
  hintId: string;
  onDragState(dragging: boolean): void;
  /** Extension numbers by id, to say which phone a call is ringing. */
  numberOf(extensionId: string): string | undefined;
}

/** Ringing and queued callers nobody has answered yet, longest waiting first, each ready to pick up or send on. */
export function WaitingCallsPanel({ calls, canControl, commands, targets, ownExtension, hintId, onDragState, numberOf }: WaitingCallsPanelProps) {
  return (
    <section aria-labelledby="waiting-heading" className="rounded-lg border border-slate-200 bg-white p-2 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="waiting-heading" className="mb-1.5 flex items-baseline justify-between text-sm font-semibold">
        Waiting calls <span className="font-normal tabular-nums text-slate-600 dark:text-slate-400">{calls.length}</span>
      </h2>
      {canControl && !ownExtension ? (
        <p className="mb-1.5 text-xs text-slate-600 dark:text-slate-400">
          You have no extension of your own, so calls cannot be picked up here; transfer them instead.
        </p>
      ) : null}
      {calls.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">Nobody is waiting.</p>
      ) : (
        <ul aria-label="Waiting calls" className="max-h-72 space-y-1.5 overflow-y-auto">
          {calls.map((call) => (
            <WaitingCall
              key={call.id}
              call={call}
              canControl={canControl}
              commands={commands}
              targets={targets}
              ownExtension={ownExtension}
              hintId={hintId}
              onDragState={onDragState}
              ringing={call.extensionIds.map(numberOf).filter(Boolean).join(", ")}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function WaitingCall({
  call,
  canControl,
  commands,
  targets,
  ownExtension,
  hintId,
  onDragState,
  ringing
}: Omit<WaitingCallsPanelProps, "calls" | "numberOf"> & { call: CallView; ringing: string }) {
  const [transferOpen, setTransferOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const transferButton = useRef<HTMLButtonElement>(null);
  const caller = partyLabel(call.fromNumber, call.fromName);
  const draggable = canControl && !commands.offline;
  const disabled = commands.offline || pending;

  const pickUp = () =>
    startTransition(async () => {
      if (!ownExtension) return;
      const outcome = await commands.transfer(call.id, ownExtension.number);
      if (!outcome.ok) toast.error(`Could not pick up ${callWho(call)}: ${outcome.error}`);
    });

  return (
    <li
      aria-label={`Waiting: ${caller}`}
      draggable={draggable}
      aria-describedby={draggable ? hintId : undefined}
      onDragStart={(event) => {
        startCallDrag(event, call.id);
        onDragState(true);
      }}
      onDragEnd={() => onDragState(false)}
      className="rounded-md border-2 border-amber-500 bg-amber-50 p-1.5 text-xs dark:border-amber-400 dark:bg-amber-950"
      style={draggable ? { cursor: "grab" } : undefined}
    >
      <p className="flex items-baseline gap-1">
        <span className="truncate font-medium" title={caller}>
          {caller}
        </span>
        <span className="ml-auto shrink-0">
          <LiveDuration call={call} label="Waiting for" />
        </span>
      </p>
      <p className="truncate text-slate-700 dark:text-slate-300">
        {call.queue ? `Queue ${call.queue}` : "Ringing"}
        {ringing ? ` · ${ringing}` : ""}
      </p>
      {canControl ? (
        <div className="mt-1 flex gap-1.5">
          {ownExtension ? (
            <Button
              size="sm"
              className="px-2 py-0.5 text-xs"
              disabled={disabled}
              onClick={pickUp}
              aria-label={`Pick up ${callWho(call)} on ${ownExtension.number}`}
            >
              Pick up
            </Button>
          ) : null}
          <TransferPopover
            call={call}
            who={callWho(call)}
            open={transferOpen}
            onOpenChange={setTransferOpen}
            targets={targets}
            commands={commands}
            onClosed={() => transferButton.current?.focus()}
          >
            <Button
              ref={transferButton}
              variant="secondary"
              size="sm"
              className="px-2 py-0.5 text-xs"
              disabled={disabled}
              aria-label={`Transfer ${callWho(call)}`}
              onClick={() => setTransferOpen(true)}
            >
              Transfer…
            </Button>
          </TransferPopover>
        </div>
      ) : null}
    </li>
  );
}
