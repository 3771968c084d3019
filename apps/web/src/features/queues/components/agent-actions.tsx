"use client";

import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import type { AgentStateRequest, PauseReasonView } from "@switchboard/contracts";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { OfflineControlsNote, useOfflineControls } from "@/features/realtime/use-offline-controls";
import { changeAgentStateAction } from "../actions/agent-state-actions";
import { usePauseReasonChoice } from "../use-pause-reasons";

interface AgentActionsProps {
  extensionId: string;
  name: string;
  signedIn: boolean;
  paused: boolean;
  pauseReasons: readonly PauseReasonView[];
}

/**
 * A supervisor's controls for one agent: pause with a reason, resume, sign out or in. The PBX's
 * answer comes back here (errors shown next to the buttons); the new state arrives as the agent's event.
 */
export function AgentActions({ extensionId, name, signedIn, paused, pauseReasons }: AgentActionsProps) {
  const selectId = useId();
  const errorId = useId();
  const [reason, setReason] = usePauseReasonChoice(pauseReasons);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const { offline, describedBy, noteId } = useOfflineControls();
  const busy = pending || offline;

  const run = (request: AgentStateRequest) =>
    startTransition(async () => {
      setError(null);
      const result = await changeAgentStateAction(extensionId, request);
      if (result.ok) toast.success(result.message);
      else setError(result.error);
    });

  return (
    <div role="group" aria-label={`Queue state of ${name}`} aria-busy={pending} aria-describedby={describedBy} className="flex flex-wrap items-center gap-1.5">
      {signedIn && !paused && pauseReasons.length > 0 ? (
        <>
          <label htmlFor={selectId} className="sr-only">
            Pause reason for {name}
          </label>
          <select id={selectId} value={reason} onChange={(e) => setReason(e.target.value)} className={`${controlClasses} w-auto py-1 text-xs`}>
            {pauseReasons.map((r) => (
              <option key={r.id} value={r.label}>
                {r.label}
              </option>
            ))}
          </select>
          <Button size="sm" variant="secondary" disabled={busy || !reason} onClick={() => run({ action: "pause", reason })} aria-label={`Pause ${name}`}>
            Pause
          </Button>
        </>
      ) : null}
      {signedIn && paused ? (
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => run({ action: "unpause" })} aria-label={`Resume ${name}`}>
          Resume
        </Button>
      ) : null}
      {signedIn ? (
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => run({ action: "logout" })} aria-label={`Sign out ${name}`}>
          Sign out
        </Button>
      ) : (
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => run({ action: "login" })} aria-label={`Sign in ${name}`}>
          Sign in
        </Button>
      )}
      <OfflineControlsNote id={noteId} offline={offline} what="Changing queue status" />
      {error ? (
        <p id={errorId} role="alert" className="basis-full text-xs text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </div>
  );
}
