import { viewEventFor } from "@switchboard/auth";
import { topicsMatch, type DomainEvent } from "@switchboard/contracts";
import type { RealtimeIo } from "../io-types";
import type { RealtimeMetrics } from "../ops/metrics";
import type { SyncTarget } from "./sync-target";

/**
 * One live event to the live sockets of its organization whose topics it matches. The policy
 * returns the event itself (not a copy) to everyone who may see all of it: the sockets are grouped
 * by the object they get, so each distinct view is serialized once and sent in one broadcast (to
 * the sockets' own rooms; no room per audience to keep per socket).
 */
export function broadcastLive(io: RealtimeIo, metrics: RealtimeMetrics, live: Iterable<SyncTarget>, event: DomainEvent): void {
  const views = new Map<DomainEvent, string[]>();
  for (const target of live) {
    if (!topicsMatch(target.topics, event)) continue;
    const visible = viewEventFor(target.viewer, event);
    if (!visible) continue;
    const ids = views.get(visible);
    if (ids) ids.push(target.socket.id);
    else views.set(visible, [target.socket.id]);
  }
  for (const [visible, ids] of views) {
    // Local only: every node consumes the log itself, the adapter must not fan this out again.
    io.local.to(ids).emit("event", visible);
    metrics.eventOut(ids.length);
  }
}
