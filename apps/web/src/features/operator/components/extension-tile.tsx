"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { clsx } from "clsx";
import { useRef, useState, type DragEvent } from "react";
import type { ExtensionStatusView, ExtensionView } from "@switchboard/contracts";
import { LAMP_LABELS } from "@/components/status/lamp";
import { callWho } from "@/features/call-control/components/call-actions-menu";
import { MenuContent, MenuItem, MenuLabel, MenuLinkItem, MenuSeparator } from "@/features/call-control/components/menu-parts";
import { TransferPopover } from "@/features/call-control/components/transfer-popover";
import type { TransferTarget } from "@/features/call-control/transfer-targets";
import type { CallCommands } from "@/features/call-control/use-call-commands";
import { LiveDuration } from "@/features/calls/components/live-duration";
import { partyLabel } from "@/features/calls/call-format";
import { extensionLookOf } from "../extension-presentation";
import type { OperatorCard } from "../operator-card";
import { isTransferable } from "../waiting-calls";
import { isCallDrag, startCallDrag } from "./call-drag";
import { StateIcon } from "./state-icon";

interface ExtensionTileProps {
  ext: ExtensionView;
  status: ExtensionStatusView | undefined;
  card: OperatorCard;
  canControl: boolean;
  commands: CallCommands;
  targets: readonly TransferTarget[];
  /** Calls may be dropped here (the viewer controls calls and is online); the drag itself says whether it carries one. */
  dropEnabled: boolean;
  /** A call is being dragged on this page: tiles show they take it. */
  dragging: boolean;
  hintId: string;
  onDropCall(event: DragEvent, ext: ExtensionView): void;
  onDragState(dragging: boolean): void;
}

/** The other party, seen from the extension: the caller when it was called, the callee when it called. */
function otherParty(call: NonNullable<OperatorCard["call"]>["call"], number: string): string {
  const [otherNumber, otherName] = call.fromNumber === number ? [call.toNumber, call.toName] : [call.fromNumber, call.fromName];
  return partyLabel(otherNumber, otherName);
}

/**
 * One extension: a button coloured, shaped and worded by its state. Click or Enter opens its menu
 * (call detail, transfer, hang up, ticket); a call on it can be dragged onto another extension, and
 * any call can be dropped here to transfer it.
 */
export function ExtensionTile({
  ext,
  status,
  card,
  canControl,
  commands,
  targets,
  dropEnabled,
  dragging,
  hintId,
  onDropCall,
  onDragState
}: ExtensionTileProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [transferOpen, setTransferOpen] = useState(false);
  const [over, setOver] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const openingTransfer = useRef(false);
  const pressedWhileOpen = useRef(false);
  const look = extensionLookOf(card.lamp);
  const line = card.call;
  const call = line?.call;
  const party = line && call ? otherParty(call, ext.number) : null;
  const controllable = canControl && isTransferable(call);
  const draggable = controllable && !commands.offline;
  const pendingHangUp = call ? commands.hangingUp.has(call.id) : false;
  const name = `${ext.number} ${ext.displayName}: ${look.label}${line && party ? `, ${line.verb.toLowerCase()} ${party}` : ""}`;

  const onDragOver = (event: DragEvent) => {
    if (!dropEnabled || !isCallDrag(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    setOver(true);
  };

  const tile = (
    <li
      aria-label={`Extension ${ext.number}`}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        setOver(false);
        if (!dropEnabled || !isCallDrag(event)) return;
        event.preventDefault();
        onDropCall(event, ext);
      }}
      className={clsx(
        "relative rounded-md",
        dragging && dropEnabled && "outline-1 outline-offset-1 outline-dashed outline-slate-400",
        over && "outline-3 outline-solid outline-brand-500"
      )}
    >
      <DropdownMenu.Root open={menuOpen} onOpenChange={setMenuOpen} modal={false}>
        {/*
          The menu hangs on an inert anchor, not on the button: a Radix trigger cancels the press
          (pointerdown) to open at once, and a cancelled press can keep the browser from starting
          a drag. The button opens the menu on click instead and carries the menu's ARIA itself.
        */}
        <DropdownMenu.Trigger tabIndex={-1} aria-hidden="true" className="pointer-events-none absolute inset-0 opacity-0" />
        <button
          type="button"
          ref={button}
          aria-label={name}
          aria-haspopup="menu"
          aria-expanded={menuOpen}
          aria-describedby={draggable ? hintId : undefined}
          data-lamp={card.lamp}
          draggable={draggable}
          onDragStart={(event) => {
            if (!call) return;
            startCallDrag(event, call.id);
            onDragState(true);
          }}
          onDragEnd={() => onDragState(false)}
          onPointerDown={() => {
            // A press while the menu is open closes it (outside the menu); the click must not reopen it.
            pressedWhileOpen.current = menuOpen;
          }}
          onClick={() => {
            const close = pressedWhileOpen.current;
            pressedWhileOpen.current = false;
            setMenuOpen(close ? false : (open) => !open);
          }}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") {
              event.preventDefault();
              setMenuOpen(true);
            }
          }}
          className={clsx(
            "flex h-16 w-full flex-col rounded-md border px-1.5 py-1 text-left text-xs leading-tight shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500",
            look.className,
            !ext.enabled && "opacity-70",
            draggable && "cursor-grab"
          )}
        >
          <span className="flex items-center gap-1">
            <StateIcon icon={look.icon} className={clsx("size-3.5 shrink-0", card.lamp === "ringing" && "motion-safe:animate-pulse")} />
            <span className="font-mono text-sm font-semibold">{ext.number}</span>
            <span className="ml-auto truncate text-[11px] font-medium">{look.label}</span>
          </span>
          <span className="truncate" title={ext.displayName}>
            {ext.displayName}
          </span>
          {line && call && party ? (
            <span className="flex items-baseline gap-1">
              <span className="truncate" title={`${line.verb} ${party}`}>
                {line.verb} {party}
              </span>
              <span className="ml-auto shrink-0">
                <LiveDuration call={call} />
              </span>
            </span>
          ) : card.lamp === "dnd" && status && status.deviceState !== "idle" ? (
            <span className="truncate">Phone: {LAMP_LABELS[status.deviceState]}</span>
          ) : !ext.enabled ? (
            <span className="truncate">Disabled</span>
          ) : null}
        </button>
        <MenuContent
          aria-labelledby={undefined}
          aria-label={`Extension ${ext.number}`}
          align="start"
          onCloseAutoFocus={(event) => {
            // Focus goes back to the button (the anchor is inert), or into the transfer search.
            event.preventDefault();
            if (!openingTransfer.current) button.current?.focus();
            openingTransfer.current = false;
          }}
        >
          <MenuLabel>
            Extension {ext.number} · {ext.displayName} · {look.label}
          </MenuLabel>
          {call ? (
            <>
              <MenuLinkItem href={`/calls/${call.id}`}>Call detail</MenuLinkItem>
              {controllable ? (
                <>
                  <MenuItem
                    disabled={commands.offline || pendingHangUp}
                    onSelect={() => {
                      openingTransfer.current = true;
                      setTransferOpen(true);
                    }}
                  >
                    Transfer call to…
                  </MenuItem>
                  <MenuItem danger disabled={commands.offline || pendingHangUp} onSelect={() => commands.hangUp(call.id, call.fromName ?? call.fromNumber)}>
                    {pendingHangUp ? "Hang-up pending…" : "Hang up"}
                  </MenuItem>
                </>
              ) : null}
              <MenuLinkItem href={`/tickets/new?callId=${encodeURIComponent(call.id)}`}>Create ticket</MenuLinkItem>
              {controllable && commands.offline ? <MenuLabel>Call control is off while the connection is lost.</MenuLabel> : null}
            </>
          ) : (
            <MenuItem disabled>No call in progress</MenuItem>
          )}
          <MenuSeparator />
          <MenuLinkItem href={`/calls?extension=${encodeURIComponent(ext.number)}`}>Recent calls of {ext.number}</MenuLinkItem>
        </MenuContent>
      </DropdownMenu.Root>
    </li>
  );

  return (
    <TransferPopover
      call={controllable ? call : undefined}
      who={call ? callWho(call) : ""}
      open={transferOpen}
      onOpenChange={setTransferOpen}
      targets={targets}
      commands={commands}
      onClosed={() => button.current?.focus()}
    >
      {tile}
    </TransferPopover>
  );
}
