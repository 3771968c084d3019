"use client";

import { useId, useState, useTransition, type FormEvent } from "react";
import { toast } from "sonner";
import type { CallState } from "@switchboard/contracts";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { useRealtimeSnapshot } from "@/features/realtime/realtime-provider";
import { isDisconnected } from "@/features/realtime/connection-status";
import { hangUpCallAction, transferCallAction } from "../actions/call-control-actions";

export interface CallControlsProps {
  callId: string;
  callState: CallState;
  /** From canControlCalls(viewer): admins and supervisors. Without it nothing is rendered. */
  canControl: boolean;
  /** Names the group for screen readers, e.g. "call from Jane Caller". */
  callLabel?: string;
}

/**
 * Hang up and blind transfer for one live call. The outcome of a success arrives as the call's
 * own event (state change on every console); a failure is shown here, next to the buttons.
 */
export function CallControls({ callId, callState, canControl, callLabel }: CallControlsProps) {
  const inputId = useId();
  const errorId = useId();
  const [extension, setExtension] = useState("");
  const [error, setError] = useState<{ message: string; field: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  // Without a connection a command could not be sent, and the call shown may have ended already.
  const offline = isDisconnected(useRealtimeSnapshot().status);
  const offlineId = useId();

  if (!canControl || callState === "ended") return null;

  const hangUp = () =>
    startTransition(async () => {
      setError(null);
      const result = await hangUpCallAction(callId);
      if (result.ok) toast.success(result.message);
      else setError({ message: result.error, field: false });
    });

  const transfer = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    startTransition(async () => {
      setError(null);
      const result = await transferCallAction(callId, extension.trim());
      if (result.ok) {
        toast.success(`Call transferred to ${extension.trim()}`);
        setExtension("");
      } else setError({ message: result.error, field: Boolean(result.fields?.extension) });
    });
  };

  return (
    <div
      role="group"
      aria-label={callLabel ? `Call control for ${callLabel}` : "Call control"}
      aria-busy={pending}
      aria-describedby={offline ? offlineId : undefined}
      className="flex flex-wrap items-start gap-2"
    >
      <Button variant="danger" size="sm" onClick={hangUp} disabled={pending || offline}>
        Hang up
      </Button>
      <form onSubmit={transfer} className="flex items-center gap-1.5" noValidate>
        <label htmlFor={inputId} className="text-xs text-slate-600 dark:text-slate-400">
          Transfer to extension
        </label>
        <input
          id={inputId}
          name="extension"
          value={extension}
          onChange={(e) => setExtension(e.target.value)}
          inputMode="tel"
          autoComplete="off"
          placeholder="Ext."
          required
          aria-invalid={error?.field ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className={`${controlClasses} w-20 py-1.5`}
        />
        <Button variant="secondary" size="sm" type="submit" disabled={pending || offline || extension.trim() === ""}>
          Transfer
        </Button>
      </form>
      {offline ? (
        <p id={offlineId} className="basis-full text-xs text-slate-600 dark:text-slate-400">
          Call control is off while the connection is lost.
        </p>
      ) : null}
      {error ? (
        <p id={errorId} role="alert" className="basis-full text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      ) : null}
    </div>
  );
}
