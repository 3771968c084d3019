import type { EventDescribers } from "@/features/realtime/describe-event";
import type { EventFamily } from "@/features/realtime/event-types";

/** Inbox entries never toast: the header's inbox badge says it. */
export const notificationDescribers = {
  "notification.created": null,
  "notification.read": null
} satisfies EventDescribers<EventFamily<"notification">>;
