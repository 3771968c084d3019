import { actorName, type EventDescribers } from "@/features/realtime/describe-event";
import type { EventFamily } from "@/features/realtime/event-types";
import type { QueueEventType } from "./apply-queue-events";
import { agentStateLabel } from "./wallboard-figures";

/**
 * Queue settings changed by someone toast; the PBX's own reports (a resync) and callers' traffic
 * never do — the wallboard shows them. An agent's state changed by someone other than the agent
 * (a supervisor pausing them) toasts, so it is noticed wherever one is in the console.
 */
export const queueDescribers = {
  "queue.changed": (event) => (event.actor ? `${actorName(event)} changed queue ${event.data.name}` : null),
  "queue.deleted": (event) => `${actorName(event)} deleted queue ${event.data.label}`,
  "queue.caller_joined": null,
  "queue.caller_left": null,
  "queue.caller_abandoned": null,
  "agent.state_changed": (event) =>
    event.actor && event.actor.id !== event.data.userId
      ? `${actorName(event)} set ${event.data.agentName} to ${agentStateLabel(event.data.state, event.data.pauseReason)}`
      : null
} satisfies EventDescribers<QueueEventType>;

/** Pause reasons added or removed toast: every agent's pause menu just changed. */
export const pauseReasonDescribers = {
  "pause_reason.created": (event) => `${actorName(event)} added the pause reason ${event.data.label}`,
  "pause_reason.deleted": (event) => `${actorName(event)} removed the pause reason ${event.data.label}`
} satisfies EventDescribers<EventFamily<"pause_reason">>;
