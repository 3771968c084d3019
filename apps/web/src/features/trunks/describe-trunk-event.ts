import { describeChange, type EventDescribers } from "@/features/realtime/describe-event";
import type { EventFamily } from "@/features/realtime/event-types";

/** "Ada Admin updated trunk Carrier B": trunks are named by their name. */
export const trunkDescribers = {
  "trunk.created": (event) => describeChange(event, `trunk ${event.data.name}`),
  "trunk.updated": (event) => describeChange(event, `trunk ${event.data.name}`),
  "trunk.deleted": (event) => describeChange(event, `trunk ${event.data.label}`),
  // Registration shows in the trunk list as it changes.
  "trunk.status_changed": null
} satisfies EventDescribers<EventFamily<"trunk">>;
