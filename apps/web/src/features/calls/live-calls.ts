import type { CallEventData, CallView, DomainEvent } from "@switchboard/contracts";
import type { EventFamily, EventOf } from "@/features/realtime/event-types";
import { familiesFor } from "@/features/realtime/topics";

/** What the recent-calls list was filtered by (the extension already resolved to its id). */
export interface RecentFilter {
  direction?: string;
  result?: string;
  extensionId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface BoardCalls {
  active: CallView[];
  recent: CallView[];
  recentTotal: number;
}

/** The event types the call views apply: every call event, each carrying the whole call. */
export type CallEventType = EventFamily<"call">;
export const CALL_TOPICS = familiesFor<CallEventType>()(["calls"]);
type CallEvent = EventOf<CallEventType>;

export function isCallEvent(event: DomainEvent): event is CallEvent {
  return event.type.startsWith("call.");
}

function viewOf(data: CallEventData): CallView {
  const { entry: _entry, ...call } = data;
  return call;
}

/** Whether an ended call belongs in the recent list as filtered (same rules as the server's listCalls). */
export function matchesRecentFilter(call: CallView, filter: RecentFilter): boolean {
  if (filter.direction && call.direction !== filter.direction) return false;
  if (filter.result && call.result !== filter.result) return false;
  if (filter.extensionId && !call.extensionIds.includes(filter.extensionId)) return false;
  const started = Date.parse(call.startedAt);
  if (filter.from && started < Date.parse(filter.from)) return false;
  if (filter.to && started > Date.parse(filter.to)) return false;
  if (filter.q) {
    const q = filter.q.toLowerCase();
    const hay = [call.fromNumber, call.toNumber, call.fromName ?? "", call.toName ?? ""].map((v) => v.toLowerCase());
    if (!hay.some((v) => v.includes(q))) return false;
  }
  return true;
}

const byStart = (a: CallView, b: CallView) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.id.localeCompare(b.id);

/**
 * The board after the call events that followed its snapshot: live calls are replaced by their
 * newest state (each event carries the whole call) and leave the active table when they end;
 * ended calls that match the filter go to the top of the first page of recent calls.
 * `recentFilter` null means the recent list is not on its first page and stays as it is.
 */
export function applyCallEvents(initial: BoardCalls, events: readonly DomainEvent[], recentFilter: RecentFilter | null, pageSize: number): BoardCalls {
  const callEvents = events.filter(isCallEvent);
  if (callEvents.length === 0) return initial;
  const active = new Map(initial.active.map((c) => [c.id, c]));
  let recent = [...initial.recent];
  let recentTotal = initial.recentTotal;
  for (const event of callEvents) {
    const call = viewOf(event.data);
    if (call.state !== "ended") {
      active.set(call.id, call);
      continue;
    }
    active.delete(call.id);
    const at = recent.findIndex((c) => c.id === call.id);
    if (at >= 0) recent[at] = call;
    else if (recentFilter && matchesRecentFilter(call, recentFilter)) {
      recent = [call, ...recent];
      recentTotal += 1;
    }
  }
  recent.sort((a, b) => -byStart(a, b));
  return { active: [...active.values()].sort(byStart), recent: recent.slice(0, pageSize), recentTotal };
}
