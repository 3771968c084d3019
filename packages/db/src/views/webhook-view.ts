import type { WebhookDeliveryView, WebhookEndpointView } from "@switchboard/contracts";
import type { WebhookDelivery, WebhookEndpoint } from "../generated/prisma/client";

export type WebhookEndpointRow = WebhookEndpoint & { createdBy?: { name: string } | null };

export const webhookEndpointIncludes = { createdBy: { select: { name: true } } } as const;

/** What admins see of an endpoint (never its secret, only a hint). */
export function toWebhookEndpointView(row: WebhookEndpointRow): WebhookEndpointView {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    secretHint: row.secretHint,
    disabledReason: row.disabledReason,
    failingSince: row.failingSince?.toISOString() ?? null,
    consecutiveFailures: row.consecutiveFailures,
    lastDeliveryAt: row.lastDeliveryAt?.toISOString() ?? null,
    position: Number(row.position),
    version: row.version,
    createdByName: row.createdById ? (row.createdBy?.name ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString()
  };
}

export function toWebhookDeliveryView(row: WebhookDelivery): WebhookDeliveryView {
  return {
    id: row.id,
    endpointId: row.endpointId,
    kind: row.kind,
    eventId: row.eventId,
    eventSeq: row.eventSeq === null ? null : Number(row.eventSeq),
    eventType: row.eventType,
    attempt: row.attempt,
    ok: row.ok,
    statusCode: row.statusCode,
    latencyMs: row.latencyMs,
    responseExcerpt: row.responseExcerpt,
    createdAt: row.createdAt.toISOString()
  };
}
