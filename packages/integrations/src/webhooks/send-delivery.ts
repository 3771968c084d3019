import { randomUUID } from "node:crypto";
import { guardedPost } from "@switchboard/egress";
import type { WebhookEndpoint } from "@switchboard/db";
import type { IntegrationDeps } from "./deps";
import { deliveryHeaders } from "./sign-payload";

const EXCERPT_MAX = 500;

export interface DeliveryPayload {
  /** The envelope's id (or a test event's), for the receiver's deduplication. */
  eventId: string;
  eventType: string;
  eventSeq: number | null;
  body: string;
}

export interface DeliveryOutcome {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  excerpt: string;
}

/**
 * POSTs one payload to an endpoint through the egress guard and records the attempt in the
 * endpoint's delivery log (announced live as webhook.delivery_recorded). Only a 2xx answer is a
 * success; a redirect is a failure (never followed).
 */
export async function sendDelivery(
  deps: IntegrationDeps,
  endpoint: Pick<WebhookEndpoint, "id" | "organizationId" | "url" | "secretEnc">,
  payload: DeliveryPayload,
  attempt: number,
  kind: "event" | "test" | "redelivery"
): Promise<DeliveryOutcome> {
  const deliveryId = randomUUID();
  const headers = deliveryHeaders(deps.box.open(endpoint.secretEnc), payload.body, {
    eventId: payload.eventId,
    eventType: payload.eventType,
    deliveryId,
    attempt
  });
  const started = performance.now();
  let outcome: DeliveryOutcome;
  try {
    const answer = await guardedPost(deps.egress, {
      url: endpoint.url,
      body: payload.body,
      headers,
      timeoutMs: deps.settings.webhook.timeoutMs,
      maxResponseBytes: deps.settings.webhook.maxResponseBytes
    });
    const redirect = answer.status >= 300 && answer.status < 400;
    const text = redirect ? `redirect to ${answer.location ?? "(no location)"} not followed` : answer.body;
    outcome = { ok: answer.status >= 200 && answer.status < 300, statusCode: answer.status, latencyMs: elapsed(started), excerpt: text.slice(0, EXCERPT_MAX) };
  } catch (error) {
    // A refusal's message is the generic one; its reason stays out of the log customers read.
    const message = error instanceof Error ? error.message : String(error);
    outcome = { ok: false, statusCode: null, latencyMs: elapsed(started), excerpt: message.slice(0, EXCERPT_MAX) };
  }
  await deps.db.webhookDelivery.create({
    data: {
      id: deliveryId,
      organizationId: endpoint.organizationId,
      endpointId: endpoint.id,
      kind,
      eventId: payload.eventId,
      eventSeq: payload.eventSeq === null ? null : BigInt(payload.eventSeq),
      eventType: payload.eventType,
      attempt,
      ok: outcome.ok,
      statusCode: outcome.statusCode,
      latencyMs: outcome.latencyMs,
      responseExcerpt: outcome.excerpt
    }
  });
  return outcome;
}

function elapsed(started: number): number {
  return Math.max(0, Math.round(performance.now() - started));
}
