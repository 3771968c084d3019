import { WEBHOOK_HEADERS } from "@switchboard/contracts";
import { computeSignature } from "@switchboard/pbx/webhook-signature";

/** The headers of one delivery: the signature over "<timestamp>.<body>" and what it carries. */
export function deliveryHeaders(
  secret: string,
  body: string,
  meta: { eventId: string; eventType: string; deliveryId: string; attempt: number },
  now: Date = new Date()
): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return {
    "content-type": "application/json",
    "user-agent": "Switchboard-Webhooks/1",
    [WEBHOOK_HEADERS.timestamp]: timestamp,
    [WEBHOOK_HEADERS.signature]: `v1=${computeSignature(secret, timestamp, body)}`,
    [WEBHOOK_HEADERS.eventId]: meta.eventId,
    [WEBHOOK_HEADERS.eventType]: meta.eventType,
    [WEBHOOK_HEADERS.deliveryId]: meta.deliveryId,
    [WEBHOOK_HEADERS.attempt]: String(meta.attempt)
  };
}
