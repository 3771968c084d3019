import { describeChange, type EventDescribers } from "@/features/realtime/describe-event";
import type { EventFamily } from "@/features/realtime/event-types";

/** "Ada Admin created office Billing". */
export const officeDescribers = {
  "office.created": (event) => describeChange(event, `office ${event.data.name}`),
  "office.updated": (event) => describeChange(event, `office ${event.data.name}`),
  "office.deleted": (event) => describeChange(event, `office ${event.data.label}`)
} satisfies EventDescribers<EventFamily<"office">>;
