import { describeChange, type EventDescribers } from "@/features/realtime/describe-event";
import type { WebhookEventType } from "./apply-webhook-events";

/** "Ada Admin created webhook https://…"; automatic disabling says so; deliveries show in the log only. */
export const webhookDescribers = {
  "webhook.created": (event) => describeChange(event, `webhook ${event.data.url}`),
  "webhook.updated": (event) =>
    event.data.disabledReason && !event.data.enabled
      ? `Webhook ${event.data.url} was disabled: it kept failing`
      : describeChange(event, `webhook ${event.data.url}`),
  "webhook.deleted": (event) => describeChange(event, `webhook ${event.data.label}`),
  "webhook.delivery_recorded": null
} satisfies EventDescribers<WebhookEventType>;
