import type { CallDirection, CallResult, CallState, CallView } from "@switchboard/contracts";

export const CALL_STATE_LABELS: Record<CallState, string> = {
  ringing: "Ringing",
  answered: "Answered",
  on_hold: "On hold",
  transferred: "Transferred",
  ended: "Ended"
};

export const CALL_DIRECTION_LABELS: Record<CallDirection, string> = { inbound: "Inbound", outbound: "Outbound", internal: "Internal" };

export const CALL_RESULT_LABELS: Record<CallResult, string> = { answered: "Answered", missed: "Missed", busy: "Busy", failed: "Failed" };

/** 0:07, 12:34, 1:02:03. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** "Jo Caller (+15550101)" or just the number. */
export function partyLabel(number: string, name: string | null): string {
  return name ? `${name} (${number})` : number;
}

/** Seconds a live call has lasted at `nowMs`. */
export function elapsedSeconds(call: Pick<CallView, "startedAt">, nowMs: number): number {
  return Math.floor((nowMs - Date.parse(call.startedAt)) / 1000);
}

/** Total hold time at `nowMs`: completed holds plus the hold in progress. */
export function holdSecondsAt(call: Pick<CallView, "holdSeconds" | "holdStartedAt">, nowMs: number): number {
  const current = call.holdStartedAt ? Math.max(0, Math.floor((nowMs - Date.parse(call.holdStartedAt)) / 1000)) : 0;
  return call.holdSeconds + current;
}
