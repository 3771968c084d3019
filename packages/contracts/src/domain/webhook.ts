import { z } from "zod";

export const webhookEndpointViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  secretHint: z.string(),
  /** Set when deliveries kept failing and the endpoint was disabled automatically. */
  disabledReason: z.string().nullable(),
  failingSince: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  lastDeliveryAt: z.string().nullable(),
  /** The seq of the last event this endpoint is done with. */
  position: z.number().int(),
  version: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
});
export type WebhookEndpointView = z.infer<typeof webhookEndpointViewSchema>;

const WEBHOOK_DELIVERY_KINDS = ["event", "test", "redelivery"] as const;

export const webhookDeliveryViewSchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  kind: z.enum(WEBHOOK_DELIVERY_KINDS),
  eventId: z.string(),
  eventSeq: z.number().int().nullable(),
  eventType: z.string(),
  attempt: z.number().int(),
  ok: z.boolean(),
  statusCode: z.number().int().nullable(),
  latencyMs: z.number().int(),
  responseExcerpt: z.string(),
  createdAt: z.string()
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
