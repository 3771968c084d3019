import { actorName, type EventDescribers } from "@/features/realtime/describe-event";
import type { EventFamily } from "@/features/realtime/event-types";

/** The webhook integration's events (the activity log applies them). */
export type PbxWebhookEventType = EventFamily<"pbx_webhook">;

/** "Ada Admin rotated the PBX webhook secret". */
export const pbxWebhookDescribers = {
  "pbx_webhook.created": (event) => `${actorName(event)} set up the PBX webhook integration`,
  "pbx_webhook.rotated": (event) => `${actorName(event)} rotated the PBX webhook secret`
} satisfies EventDescribers<PbxWebhookEventType>;
