"use client";

import { useCallback, useRef, useState } from "react";
import { toast } from "sonner";
import { useRealtimeSnapshot } from "@/features/realtime/realtime-provider";
import { isDisconnected } from "@/features/realtime/connection-status";
import { hangUpCallAction, transferCallAction } from "./actions/call-control-actions";
import { HANG_UP_DELAY_MS, HangUpCountdown } from "./components/hang-up-countdown";

export type TransferOutcome = { ok: true } | { ok: false; error: string; field: boolean };

export interface CallCommands {
  /** Without a connection a command could not be sent, and the call shown may have ended already. */
  offline: boolean;
  /** Calls whose hang-up waits for its undo window to pass. */
  hangingUp: ReadonlySet<string>;
  transfer(callId: string, extension: string): Promise<TransferOutcome>;
  /** Hangs up after HANG_UP_DELAY_MS unless Undo is pressed on its toast; the outcome is a toast too. */
  hangUp(callId: string, who: string): void;
}

/**
 * Hang-up and transfer as every console offers them. A hang-up cuts a live conversation and cannot
 * be taken back, so it is sent only after a visible countdown with Undo; a transfer goes at once
 * (the call can be moved again) and its failure is returned to where it was asked for.
 */
export function useCallCommands(): CallCommands {
  const offline = isDisconnected(useRealtimeSnapshot().status);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const [hangingUp, setHangingUp] = useState<ReadonlySet<string>>(new Set());

  // Timers are not cleared on unmount: a page left during the countdown still sends what was asked.
  const settle = useCallback((callId: string) => {
    timers.current.delete(callId);
    setHangingUp(new Set(timers.current.keys()));
  }, []);

  const transfer = useCallback(async (callId: string, extension: string): Promise<TransferOutcome> => {
    const target = extension.trim();
    const result = await transferCallAction(callId, target);
    if (!result.ok) return { ok: false, error: result.error, field: Boolean(result.fields?.extension) };
    toast.success(`Call transferred to ${target}`);
    return { ok: true };
  }, []);

  const hangUp = useCallback(
    (callId: string, who: string) => {
      if (timers.current.has(callId)) return;
      const toastId = `hang-up-${callId}`;
      const until = Date.now() + HANG_UP_DELAY_MS;
      const timer = setTimeout(() => {
        settle(callId);
        // A fresh toast, not an update of the countdown's: an update would keep its Undo and timer.
        toast.dismiss(toastId);
        void hangUpCallAction(callId).then((result) => {
          if (result.ok) toast.success(result.message);
          else toast.error(`Could not hang up the call from ${who}: ${result.error}`, { duration: 10_000 });
        });
      }, HANG_UP_DELAY_MS);
      timers.current.set(callId, timer);
      setHangingUp(new Set(timers.current.keys()));
      toast(`Hanging up the call from ${who}`, {
        id: toastId,
        duration: Infinity,
        closeButton: false,
        description: <HangUpCountdown until={until} />,
        action: {
          label: "Undo",
          onClick: () => {
            // Leave the toast before it goes: sonner gives focus back to where it came from (the
            // row's menu button) when the toaster loses focus, and would otherwise do so later, in
            // the middle of the next menu opening, which closes it again.
            if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
            clearTimeout(timer);
            settle(callId);
            toast.dismiss(toastId);
            toast.info("Hang-up cancelled");
          }
        }
      });
    },
    [settle]
  );

  return { offline, hangingUp, transfer, hangUp };
}
