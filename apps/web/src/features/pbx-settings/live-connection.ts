import type { DomainEvent, PbxConnectionSettingsView } from "@switchboard/contracts";
import { familiesFor } from "@/features/realtime/topics";

/** The event types the PBX settings apply. */
export type PbxEventType = "pbx.status_changed";
export const PBX_TOPICS = familiesFor<PbxEventType>()(["pbx"]);

/**
 * The AMI connection after the status events that followed its snapshot; `stale` when one is about
 * a connection this view did not know (the page must be refetched to place it).
 */
export function applyConnectionEvents(
  initial: PbxConnectionSettingsView | null,
  events: readonly DomainEvent[]
): { view: PbxConnectionSettingsView | null; stale: boolean } {
  let view = initial;
  let stale = false;
  for (const event of events) {
    if (event.type !== "pbx.status_changed") continue;
    if (view && event.data.id === view.id) view = { ...view, ...event.data };
    else stale = true;
  }
  return { view, stale };
}
