import type { DomainEvent, QueueMemberView } from "@switchboard/contracts";
import { isQueueEvent } from "./apply-queue-events";

export type OwnMembership = QueueMemberView & { queueName: string };

/**
 * The signed-in user's queue memberships after the events that followed their snapshot: their
 * members' states replace them; a queue's change brings the memberships it now has for them (and
 * drops those it no longer has); a deleted queue takes its memberships along.
 */
export function applyOwnMemberships(initial: readonly OwnMembership[], events: readonly DomainEvent[], userId: string): OwnMembership[] {
  let list = [...initial];
  for (const event of events) {
    if (!isQueueEvent(event)) continue;
    if (event.type === "agent.state_changed") {
      const at = list.findIndex((m) => m.id === event.data.id);
      if (at >= 0) list[at] = { ...event.data, queueName: list[at]?.queueName ?? "" };
    } else if (event.type === "queue.changed") {
      const queue = event.data;
      const mine = queue.members.filter((m) => m.userId === userId).map((m) => ({ ...m, queueName: queue.name }));
      list = [...list.filter((m) => m.queueId !== queue.id), ...mine];
    } else if (event.type === "queue.deleted") {
      list = list.filter((m) => m.queueId !== event.data.id);
    }
  }
  return list.sort((a, b) => a.queueName.localeCompare(b.queueName));
}
