"use client";

import * as Popover from "@radix-ui/react-popover";
import type { ReactNode } from "react";
import type { CallView } from "@switchboard/contracts";
import type { TransferTarget } from "../transfer-targets";
import type { CallCommands } from "../use-call-commands";
import { PopoverPanel } from "./menu-parts";
import { TransferPicker } from "./transfer-picker";

interface TransferPopoverProps {
  /** Undefined while there is no call to move: the anchor stays, nothing opens. */
  call: CallView | undefined;
  /** "the call from Jo Caller": names the dialog. */
  who: string;
  open: boolean;
  onOpenChange(open: boolean): void;
  targets: readonly TransferTarget[];
  commands: CallCommands;
  /** What the popover points at (the row's menu button, the extension); focus returns there on close. */
  children: ReactNode;
  onClosed?(): void;
}

/**
 * "Transfer…" in a popover: the extension search next to the call it moves. Always rendered
 * around its anchor, so the anchor keeps its place (and focus) when a call comes or goes.
 */
export function TransferPopover({ call, who, open, onOpenChange, targets, commands, children, onClosed }: TransferPopoverProps) {
  return (
    <Popover.Root open={open} onOpenChange={onOpenChange}>
      <Popover.Anchor asChild>{children}</Popover.Anchor>
      {open && call ? (
        <PopoverPanel
          aria-label={`Transfer ${who}`}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            onClosed?.();
          }}
        >
          <p className="mb-2 text-sm font-semibold">Transfer {who}</p>
          <TransferPicker
            targets={targets}
            exclude={call.extensionIds}
            offline={commands.offline}
            transfer={(extension) => commands.transfer(call.id, extension)}
            onDone={() => onOpenChange(false)}
          />
        </PopoverPanel>
      ) : null}
    </Popover.Root>
  );
}
