import type { DomainEvent, WebhookDeliveryView, WebhookEndpointView } from "@switchboard/contracts";
import type { EventFamily } from "@/features/realtime/event-types";
import { familiesFor } from "@/features/realtime/topics";

export type WebhookEventType = EventFamily<"webhook">;
export const WEBHOOK_TOPICS = familiesFor<WebhookEventType>()(["webhooks"]);

/** Endpoints patched with their created / updated / deleted events. */
export function applyWebhookEvents(rows: readonly WebhookEndpointView[], events: readonly DomainEvent[]): WebhookEndpointView[] {
  const relevant = events.filter((e) => e.type === "webhook.created" || e.type === "webhook.updated" || e.type === "webhook.deleted");
  if (relevant.length === 0) return rows as WebhookEndpointView[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const event of relevant) {
    if (event.type === "webhook.deleted") byId.delete(event.subject.id);
    else if (event.type === "webhook.created" || event.type === "webhook.updated") byId.set(event.data.id, event.data);
  }
  return [...byId.values()];
}

/** An endpoint's delivery log (newest first) with the attempts recorded since the snapshot on top. */
export function applyDeliveryEvents(rows: readonly WebhookDeliveryView[], events: readonly DomainEvent[], endpointId: string): WebhookDeliveryView[] {
  const added: WebhookDeliveryView[] = [];
  const known = new Set(rows.map((r) => r.id));
  for (const event of events) {
    if (event.type !== "webhook.delivery_recorded" || event.data.endpointId !== endpointId || known.has(event.data.id)) continue;
    known.add(event.data.id);
    added.unshift(event.data);
  }
  return added.length ? [...added, ...rows] : (rows as WebhookDeliveryView[]);
}
