import type { DomainEvent, ExtensionStatusView, TrunkStatusView } from "@switchboard/contracts";
import { familiesFor } from "./topics";

/** The event types status maps apply: status changes, and deletions (a deleted extension or trunk takes its status with it). */
export type StatusEventType = "extension.status_changed" | "extension.deleted" | "trunk.status_changed" | "trunk.deleted";

export const EXTENSION_STATUS_TOPICS = familiesFor<Extract<StatusEventType, `extension.${string}`>>()(["extensions"]);
export const TRUNK_STATUS_TOPICS = familiesFor<Extract<StatusEventType, `trunk.${string}`>>()(["trunks"]);

/** Extension statuses after the status events that followed their snapshot, by extension id. */
export function applyExtensionStatusEvents(initial: readonly ExtensionStatusView[], events: readonly DomainEvent[]): Map<string, ExtensionStatusView> {
  const byId = new Map(initial.map((s) => [s.extensionId, s]));
  for (const event of events) {
    if (event.type === "extension.status_changed") byId.set(event.data.extensionId, event.data);
    // A deleted extension takes its status with it.
    else if (event.type === "extension.deleted") byId.delete(event.subject.id);
  }
  return byId;
}

/** Trunk statuses after the status events that followed their snapshot, by trunk id. */
export function applyTrunkStatusEvents(initial: readonly TrunkStatusView[], events: readonly DomainEvent[]): Map<string, TrunkStatusView> {
  const byId = new Map(initial.map((s) => [s.trunkId, s]));
  for (const event of events) {
    if (event.type === "trunk.status_changed") byId.set(event.data.trunkId, event.data);
    else if (event.type === "trunk.deleted") byId.delete(event.subject.id);
  }
  return byId;
}
