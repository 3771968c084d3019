import { actorName, type EventDescribers } from "@/features/realtime/describe-event";
import type { EventFamily, EventOf } from "@/features/realtime/event-types";

/** The call-control event types (the activity log applies them). */
export type CallControlEventType = EventFamily<"call_control">;

/** "Sam Supervisor hung up the call from +1 555 0100", "… transferred the call from Alice to 103 (failed: PBX not connected)". */
export function describeCallControl(event: EventOf<"call_control.requested">): string {
  const { action, callFrom, target, ok, error } = event.data;
  const what = action === "hangup" ? `hung up the call from ${callFrom}` : `transferred the call from ${callFrom} to ${target ?? "?"}`;
  return `${actorName(event)} ${what}${ok ? "" : ` (failed: ${error ?? "unknown error"})`}`;
}

/** The call's own events show the outcome on the board; the request itself toasts for nobody. */
export const callControlDescribers = {
  "call_control.requested": null
} satisfies EventDescribers<CallControlEventType>;
