import type { EventDescribers } from "@/features/realtime/describe-event";
import type { EventFamily } from "@/features/realtime/event-types";

/** The AMI connection's state shows on the PBX settings as it changes; no toast. */
export const pbxDescribers = {
  "pbx.status_changed": null
} satisfies EventDescribers<EventFamily<"pbx">>;
