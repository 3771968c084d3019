import { describeChange, type EventDescribers } from "@/features/realtime/describe-event";
import type { EventFamily } from "@/features/realtime/event-types";

/** "Ada Admin created extension 104": extensions are named by their number. */
export const extensionDescribers = {
  "extension.created": (event) => describeChange(event, `extension ${event.data.number}`),
  "extension.updated": (event) => describeChange(event, `extension ${event.data.number}`),
  // The label is "<number> <display name>"; people call an extension by its number.
  "extension.deleted": (event) => describeChange(event, `extension ${event.data.label.split(" ")[0] ?? event.data.label}`),
  // Registration and device state show on the lamps as they change.
  "extension.status_changed": null
} satisfies EventDescribers<EventFamily<"extension">>;
