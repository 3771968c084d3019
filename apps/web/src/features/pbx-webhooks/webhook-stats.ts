import { processSingleton } from "@switchboard/config";
import { createTrackerStats, type TrackerStats, type WebhookResult } from "@switchboard/pbx";

/** What became of the deliveries this process answered, by outcome. */
export type WebhookDeliveryCounts = Record<WebhookResult["kind"], number>;

interface WebhookCounters {
  tracker: TrackerStats;
  deliveries: WebhookDeliveryCounts;
}

// The route handler (Next's bundle) counts; server.ts's /pbx/stats reads: one object per process.
function counters(): WebhookCounters {
  return processSingleton("pbx-webhook-stats", () => ({
    tracker: createTrackerStats(),
    deliveries: { ok: 0, duplicate: 0, unauthorized: 0, not_found: 0, bad_request: 0 }
  }));
}

/** Tracker counters of webhook deliveries this process applied (out-of-order, unknown calls…). */
export function getWebhookStats(): TrackerStats {
  return counters().tracker;
}

/** Deliveries answered per outcome: rejected signatures and bad bodies are counted here. */
export function getWebhookDeliveryCounts(): WebhookDeliveryCounts {
  return counters().deliveries;
}

export function countWebhookDelivery(kind: WebhookResult["kind"]): void {
  counters().deliveries[kind]++;
}
