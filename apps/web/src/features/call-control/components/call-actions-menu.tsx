"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useRef, useState } from "react";
import type { CallView } from "@switchboard/contracts";
import type { TransferTarget } from "../transfer-targets";
import type { CallCommands } from "../use-call-commands";
import { MenuContent, MenuItem, MenuLabel, MenuLinkItem, MenuSeparator } from "./menu-parts";
import { TransferPopover } from "./transfer-popover";

interface CallActionsMenuProps {
  call: CallView;
  /** canControlCalls(viewer): transfer and hang up are offered. */
  canControl: boolean;
  commands: CallCommands;
  targets: readonly TransferTarget[];
}

export function callWho(call: Pick<CallView, "fromName" | "fromNumber">): string {
  return `the call from ${call.fromName ?? call.fromNumber}`;
}

/** One button per call row: its timeline, a ticket about it, and for controllers transfer and hang-up. */
export function CallActionsMenu({ call, canControl, commands, targets }: CallActionsMenuProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [transferOpen, setTransferOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const openingTransfer = useRef(false);
  const who = callWho(call);
  const live = call.state !== "ended";
  const control = canControl && live;
  const pendingHangUp = commands.hangingUp.has(call.id);

  const menu = (
    <DropdownMenu.Root open={menuOpen} onOpenChange={setMenuOpen} modal={false}>
      <DropdownMenu.Trigger
        ref={trigger}
        aria-label={`Actions for ${who}`}
        className="inline-flex size-8 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
      >
        <span aria-hidden="true" className="text-lg leading-none">
          ⋯
        </span>
      </DropdownMenu.Trigger>
      <MenuContent
        align="end"
        onCloseAutoFocus={(event) => {
          // Focus goes into the transfer search, not back to the button.
          if (openingTransfer.current) event.preventDefault();
          openingTransfer.current = false;
        }}
      >
        <MenuLinkItem href={`/calls/${call.id}`}>Timeline</MenuLinkItem>
        <MenuLinkItem href={`/tickets/new?callId=${encodeURIComponent(call.id)}`}>Create ticket</MenuLinkItem>
        {control ? (
          <>
            <MenuSeparator />
            <MenuItem
              disabled={commands.offline || pendingHangUp}
              onSelect={() => {
                openingTransfer.current = true;
                setTransferOpen(true);
              }}
            >
              Transfer…
            </MenuItem>
            <MenuItem danger disabled={commands.offline || pendingHangUp} onSelect={() => commands.hangUp(call.id, call.fromName ?? call.fromNumber)}>
              {pendingHangUp ? "Hang-up pending…" : "Hang up"}
            </MenuItem>
            {commands.offline ? <MenuLabel>Call control is off while the connection is lost.</MenuLabel> : null}
          </>
        ) : null}
      </MenuContent>
    </DropdownMenu.Root>
  );

  if (!canControl) return menu;
  return (
    <TransferPopover
      call={control ? call : undefined}
      who={who}
      open={transferOpen}
      onOpenChange={setTransferOpen}
      targets={targets}
      commands={commands}
      onClosed={() => trigger.current?.focus()}
    >
      <span className="inline-flex">{menu}</span>
    </TransferPopover>
  );
}
