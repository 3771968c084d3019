import { createTrackerStats, type TrackerStats } from "@switchboard/pbx";

// The route handler (Next's bundle) counts; server.ts's /pbx/stats reads. One object per process,
// shared through globalThis like the web runtime.
const KEY = Symbol.for("switchboard.pbx-webhook-stats");
type Holder = { [KEY]?: TrackerStats };

/** Counters of webhook deliveries this process applied (bad input, out-of-order, unknown calls…). */
export function getWebhookStats(): TrackerStats {
  const holder = globalThis as Holder;
  holder[KEY] ??= createTrackerStats();
  return holder[KEY];
}
