import { z } from "zod";
import { text } from "./text";

export const webhookEndpointViewSchema = z.object({
  id: text(),
  url: text(),
  description: text(),
  eventTypes: z.array(text()),
  enabled: z.boolean(),
  secretHint: text(),
  /** Set when deliveries kept failing and the endpoint was disabled automatically. */
  disabledReason: text().nullable(),
  failingSince: text().nullable(),
  consecutiveFailures: z.number().int(),
  lastDeliveryAt: text().nullable(),
  /** The seq of the last event this endpoint is done with. */
  position: z.number().int(),
  version: z.number().int(),
  createdByName: text().nullable(),
  createdAt: text(),
  updatedAt: text()
});
export type WebhookEndpointView = z.infer<typeof webhookEndpointViewSchema>;

const WEBHOOK_DELIVERY_KINDS = ["event", "test", "redelivery"] as const;

export const webhookDeliveryViewSchema = z.object({
  id: text(),
  endpointId: text(),
  kind: z.enum(WEBHOOK_DELIVERY_KINDS),
  eventId: text(),
  eventSeq: z.number().int().nullable(),
  eventType: text(),
  attempt: z.number().int(),
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int(),
  responseExcerpt: text(),
  createdAt: text()
});
export type WebhookDeliveryView = z.infer<typeof webhookDeliveryViewSchema>;

/** Headers of every delivery. The signature is `v1=` + hex HMAC-SHA256(secret, "<timestamp>.<body>"). */
export const WEBHOOK_HEADERS = {
  timestamp: "x-switchboard-timestamp",
  signature: "x-switchboard-signature",
  eventId: "x-switchboard-event-id",
  eventType: "x-switchboard-event-type",
  deliveryId: "x-switchboard-delivery",
  attempt: "x-switchboard-attempt"
} as const;
