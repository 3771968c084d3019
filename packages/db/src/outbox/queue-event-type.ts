import type { EventType } from "@switchboard/contracts";
import type { QueueCaller } from "../generated/prisma/client";
import { toQueueMemberView, type QueueMemberRow } from "../views/queue-view";

export type QueueCallerEventType = Extract<EventType, `queue.caller_${string}`>;

/**
 * A caller row is announced when the caller joins and when they leave (abandoned, or left
 * otherwise — answered most of the time); later bookkeeping on it (talk time) is no news.
 */
export function queueCallerEventType(verb: "created" | "updated", before: QueueCaller | null, after: QueueCaller): QueueCallerEventType | null {
  if (verb === "created") return after.leftAt === null ? "queue.caller_joined" : null;
  if (before?.leftAt !== null || after.leftAt === null) return null;
  return after.outcome === "abandoned" ? "queue.caller_abandoned" : "queue.caller_left";
}

/**
 * A member's update is announced when anything a console shows of it changed. Members are created
 * and removed through their queue (nested writes), whose queue.changed carries them.
 */
export function agentEventType(verb: "created" | "updated", before: QueueMemberRow | null, after: QueueMemberRow): "agent.state_changed" | null {
  if (verb === "created" || !before) return null;
  const { updatedAt: _b, ...was } = toQueueMemberView(before);
  const { updatedAt: _a, ...now } = toQueueMemberView(after);
  return JSON.stringify(was) === JSON.stringify(now) ? null : "agent.state_changed";
}
