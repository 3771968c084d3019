import {
  startOfQuarterHour,
  type DomainEvent,
  type QueueCallerView,
  type QueueIntervalView,
  type QueueMemberView,
  type QueueView,
  type WallboardSnapshot
} from "@switchboard/contracts";
import type { EventFamily, EventOf } from "@/features/realtime/event-types";
import { familiesFor } from "@/features/realtime/topics";

/** The event types queue views apply: every queue event and agents' states. */
export type QueueEventType = EventFamily<"queue"> | "agent.state_changed";
export const QUEUE_TOPICS = familiesFor<QueueEventType>()(["queues"]);

export type Counts = Pick<QueueIntervalView, "offered" | "answered" | "abandoned" | "answeredWithinSl" | "answeredWaitSeconds" | "abandonedWaitSeconds">;

const ZERO: Counts = { offered: 0, answered: 0, abandoned: 0, answeredWithinSl: 0, answeredWaitSeconds: 0, abandonedWaitSeconds: 0 };

export interface WallboardState {
  queues: QueueView[];
  /** Waiting callers, by queue and position. */
  waiting: QueueCallerView[];
  /** Today's outcomes by queue id. */
  today: Map<string, Counts>;
  /** Today's 15-minute outcomes: by interval start (ISO), then queue id. */
  quarters: Map<string, Map<string, Counts>>;
  /** The PBX re-read a queue after the snapshot: its figures are re-read once (the one time a wallboard refetches). */
  resyncedSinceSnapshot: boolean;
}

export function isQueueEvent(event: DomainEvent): event is EventOf<QueueEventType> {
  return event.type.startsWith("queue.") || event.type === "agent.state_changed";
}

function countsOf(row: QueueIntervalView): Counts {
  const { offered, answered, abandoned, answeredWithinSl, answeredWaitSeconds, abandonedWaitSeconds } = row;
  return { offered, answered, abandoned, answeredWithinSl, answeredWaitSeconds, abandonedWaitSeconds };
}

/** Adds `delta` to the queue's counters of today and of the quarter hour of `at`, when `at` is today. */
function count(state: WallboardState, window: { start: number; end: number }, queueId: string, at: string, delta: Partial<Counts>): void {
  const time = Date.parse(at);
  if (!(time >= window.start && time < window.end)) return;
  const add = (c: Counts | undefined): Counts => {
    const next = { ...(c ?? ZERO) };
    for (const [key, value] of Object.entries(delta) as [keyof Counts, number][]) next[key] += value;
    return next;
  };
  state.today.set(queueId, add(state.today.get(queueId)));
  const key = startOfQuarterHour(new Date(time)).toISOString();
  const quarter = state.quarters.get(key) ?? new Map<string, Counts>();
  quarter.set(queueId, add(quarter.get(queueId)));
  state.quarters.set(key, quarter);
}

function upsertMember(queues: readonly QueueView[], member: QueueMemberView): QueueView[] {
  return queues.map((q) => {
    if (q.id !== member.queueId) return q;
    const at = q.members.findIndex((m) => m.id === member.id);
    const members = at >= 0 ? q.members.map((m, i) => (i === at ? member : m)) : [...q.members, member];
    return { ...q, members };
  });
}

/** The queue list after one event: a queue's change replaces it, a deletion removes it, an agent's state replaces their member. */
export function nextQueues(queues: readonly QueueView[], event: EventOf<QueueEventType>): QueueView[] {
  switch (event.type) {
    case "queue.changed": {
      const queue = event.data;
      return queues.some((q) => q.id === queue.id)
        ? queues.map((q) => (q.id === queue.id ? queue : q))
        : [...queues, queue].sort((a, b) => a.name.localeCompare(b.name));
    }
    case "queue.deleted":
      return queues.filter((q) => q.id !== event.data.id);
    case "agent.state_changed":
      return upsertMember(queues, event.data);
    default:
      return [...queues];
  }
}

function leave(state: WallboardState, caller: QueueCallerView): void {
  const was = state.waiting.find((c) => c.id === caller.id);
  state.waiting = state.waiting
    .filter((c) => c.id !== caller.id)
    .map((c) => (was && c.queueId === caller.queueId && c.position > was.position ? { ...c, position: c.position - 1 } : c));
}

const byQueueAndPosition = (a: QueueCallerView, b: QueueCallerView) =>
  a.queueId.localeCompare(b.queueId) || a.position - b.position || a.joinedAt.localeCompare(b.joinedAt);

/**
 * The wallboard after the queue events that followed its snapshot, counted incrementally: a caller
 * joining is offered (in the interval they joined), one leaving is answered or abandoned (in the
 * interval they left), agents' states replace their members, queue changes their queues. Only a
 * PBX resync after the snapshot makes the figures worth re-reading (`resyncedSinceSnapshot`).
 */
export function applyWallboardEvents(snapshot: WallboardSnapshot, events: readonly DomainEvent[]): WallboardState {
  const window = { start: Date.parse(snapshot.dayStart), end: Date.parse(snapshot.dayEnd) };
  const quarters = new Map<string, Map<string, Counts>>();
  for (const row of snapshot.quarters) {
    const quarter = quarters.get(row.startsAt) ?? new Map<string, Counts>();
    quarter.set(row.queueId, countsOf(row));
    quarters.set(row.startsAt, quarter);
  }
  const state: WallboardState = {
    queues: snapshot.queues,
    waiting: snapshot.waiting,
    today: new Map(snapshot.today.map((row) => [row.queueId, countsOf(row)])),
    quarters,
    resyncedSinceSnapshot: false
  };
  const resyncedAt = new Map(snapshot.queues.map((q) => [q.id, q.resyncedAt]));
  for (const event of events) {
    if (!isQueueEvent(event)) continue;
    switch (event.type) {
      case "queue.changed": {
        const seen = resyncedAt.get(event.data.id);
        if (event.data.resyncedAt && (!seen || event.data.resyncedAt > seen)) state.resyncedSinceSnapshot = true;
        state.queues = nextQueues(state.queues, event);
        break;
      }
      case "queue.deleted":
        state.queues = nextQueues(state.queues, event);
        state.waiting = state.waiting.filter((c) => c.queueId !== event.data.id);
        state.today.delete(event.data.id);
        break;
      case "agent.state_changed":
        state.queues = nextQueues(state.queues, event);
        break;
      case "queue.caller_joined": {
        const caller = event.data;
        if (!state.waiting.some((c) => c.id === caller.id)) {
          // Callers placed ahead (priority) move those behind one back.
          state.waiting = [
            ...state.waiting.map((c) => (c.queueId === caller.queueId && c.position >= caller.position ? { ...c, position: c.position + 1 } : c)),
            caller
          ];
        }
        count(state, window, caller.queueId, caller.joinedAt, { offered: 1 });
        break;
      }
      case "queue.caller_left":
      case "queue.caller_abandoned": {
        const caller = event.data;
        leave(state, caller);
        const wait = caller.waitSeconds ?? 0;
        const at = caller.leftAt ?? event.at;
        if (caller.outcome === "answered")
          count(state, window, caller.queueId, at, { answered: 1, answeredWithinSl: caller.withinServiceLevel ? 1 : 0, answeredWaitSeconds: wait });
        else if (caller.outcome === "abandoned") count(state, window, caller.queueId, at, { abandoned: 1, abandonedWaitSeconds: wait });
        break;
      }
    }
  }
  state.waiting = [...state.waiting].sort(byQueueAndPosition);
  return state;
}
