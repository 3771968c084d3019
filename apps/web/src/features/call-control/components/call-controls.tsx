"use client";

import { useRef, useState } from "react";
import type { CallView } from "@switchboard/contracts";
import { Button } from "@/components/ui/button";
import { OfflineControlsNote, useOfflineControls } from "@/features/realtime/use-offline-controls";
import type { TransferTarget } from "../transfer-targets";
import { useCallCommands } from "../use-call-commands";
import { callWho } from "./call-actions-menu";
import { TransferPopover } from "./transfer-popover";

export interface CallControlsProps {
  call: CallView;
  /** Extensions the call can be sent to. */
  targets: readonly TransferTarget[];
}

/**
 * Transfer and hang-up for one live call on its own page, as the board's row menu offers them:
 * transfer in the extension-search popover, hang-up after a 5 s countdown with Undo. Nothing is
 * rendered once the call has ended.
 */
export function CallControls({ call, targets }: CallControlsProps) {
  const commands = useCallCommands();
  const { offline, describedBy, noteId } = useOfflineControls();
  const [transferOpen, setTransferOpen] = useState(false);
  const transferButton = useRef<HTMLButtonElement>(null);
  if (call.state === "ended") return null;

  const who = callWho(call);
  const pendingHangUp = commands.hangingUp.has(call.id);
  const disabled = offline || pendingHangUp;

  return (
    <div role="group" aria-label={`Call control for ${who}`} aria-describedby={describedBy} className="flex flex-wrap items-center gap-2">
      <TransferPopover
        call={call}
        who={who}
        open={transferOpen}
        onOpenChange={setTransferOpen}
        targets={targets}
        commands={commands}
        onClosed={() => transferButton.current?.focus()}
      >
        <Button ref={transferButton} variant="secondary" size="sm" disabled={disabled} aria-haspopup="dialog" onClick={() => setTransferOpen(true)}>
          Transfer…
        </Button>
      </TransferPopover>
      <Button variant="danger" size="sm" disabled={disabled} onClick={() => commands.hangUp(call.id, call.fromName ?? call.fromNumber)}>
        {pendingHangUp ? "Hang-up pending…" : "Hang up"}
      </Button>
      <OfflineControlsNote id={noteId} offline={offline} what="Call control" />
    </div>
  );
}
