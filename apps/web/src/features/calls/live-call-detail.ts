import type { CallTimelineEntry, CallView, DomainEvent } from "@switchboard/contracts";
import { isCallEvent } from "./live-calls";

/** One call and its timeline after the events that followed the snapshot (only this call's). */
export function applyCallDetailEvents(
  call: CallView,
  timeline: readonly CallTimelineEntry[],
  events: readonly DomainEvent[]
): { call: CallView; timeline: CallTimelineEntry[] } {
  let current = call;
  const entries = [...timeline];
  const seen = new Set(entries.map((e) => e.id));
  for (const event of events) {
    if (!isCallEvent(event) || event.subject.id !== call.id) continue;
    const { entry, ...view } = event.data;
    current = view;
    if (entry && !seen.has(entry.id)) {
      seen.add(entry.id);
      entries.push(entry);
    }
  }
  return { call: current, timeline: entries };
}
