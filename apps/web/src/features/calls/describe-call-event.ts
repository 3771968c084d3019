import type { EventDescribers } from "@/features/realtime/describe-event";
import type { EventFamily } from "@/features/realtime/event-types";

/** Calls never toast: their progress is on the board and the lamps, and a toast per step would be noise. */
export const callDescribers = {
  "call.started": null,
  "call.ringing": null,
  "call.answered": null,
  "call.held": null,
  "call.resumed": null,
  "call.transferred": null,
  "call.ended": null,
  "call.updated": null
} satisfies EventDescribers<EventFamily<"call">>;
