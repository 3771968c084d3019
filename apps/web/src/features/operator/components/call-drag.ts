import type { DragEvent } from "react";

/** The drag payload type of a call: its id. Only our own drags carry it, so other drops are ignored. */
const CALL_MIME = "application/x-switchboard-call";

export function startCallDrag(event: DragEvent, callId: string): void {
  event.dataTransfer.setData(CALL_MIME, callId);
  event.dataTransfer.effectAllowed = "move";
}

export function isCallDrag(event: DragEvent): boolean {
  return event.dataTransfer.types.includes(CALL_MIME);
}

export function droppedCallId(event: DragEvent): string | null {
  return event.dataTransfer.getData(CALL_MIME) || null;
}
