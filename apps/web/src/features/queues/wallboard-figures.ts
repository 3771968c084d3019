import {
  agentStateAt,
  serviceLevelPercent,
  startOfQuarterHour,
  QUARTER_HOUR_MS,
  type AgentState,
  type QueueCallerView,
  type QueueMemberView,
  type QueueView
} from "@switchboard/contracts";
import type { Counts, WallboardState } from "./apply-queue-events";

const ZERO: Counts = { offered: 0, answered: 0, abandoned: 0, answeredWithinSl: 0, answeredWaitSeconds: 0, abandonedWaitSeconds: 0 };

const AGENT_STATE_LABELS: Record<AgentState, string> = {
  logged_out: "Signed out",
  available: "Available",
  ringing: "Ringing",
  on_call: "On a call",
  wrap_up: "Wrap-up",
  paused: "Paused",
  unavailable: "Unavailable"
};

/** "Paused — Lunch" for a paused agent with a reason; the state's name otherwise. */
export function agentStateLabel(state: AgentState, pauseReason: string | null): string {
  return state === "paused" && pauseReason ? `Paused — ${pauseReason}` : AGENT_STATE_LABELS[state];
}

export interface QueueFigures {
  queue: QueueView;
  waiting: QueueCallerView[];
  /** When the longest-waiting caller joined (ISO), for a ticking wait; null with nobody waiting. */
  longestWaitSince: string | null;
  longestWaitSeconds: number;
  counts: Counts;
  serviceLevel: number | null;
  /** The longest wait is past the queue's service level. */
  waitAlarm: boolean;
  /** Today's service level is below the queue's target. */
  serviceLevelAlarm: boolean;
  averageWaitSeconds: number | null;
  agents: { available: number; busy: number; wrapUp: number; paused: number; signedIn: number };
}

/** Each queue's tile at `now` (ms): waits tick, wrap-ups end on their own. */
export function queueFigures(state: WallboardState, now: number): QueueFigures[] {
  return state.queues.map((queue) => {
    const waiting = state.waiting.filter((c) => c.queueId === queue.id);
    const first = waiting.reduce<QueueCallerView | null>((min, c) => (!min || c.joinedAt < min.joinedAt ? c : min), null);
    const longestWaitSeconds = first ? Math.max(0, Math.floor((now - Date.parse(first.joinedAt)) / 1000)) : 0;
    const counts = state.today.get(queue.id) ?? ZERO;
    const serviceLevel = serviceLevelPercent(counts);
    const agents = { available: 0, busy: 0, wrapUp: 0, paused: 0, signedIn: 0 };
    for (const member of queue.members) {
      const { state: s } = agentStateAt(member, now);
      if (s === "logged_out") continue;
      agents.signedIn++;
      if (s === "available") agents.available++;
      else if (s === "on_call" || s === "ringing") agents.busy++;
      else if (s === "wrap_up") agents.wrapUp++;
      else if (s === "paused") agents.paused++;
    }
    return {
      queue,
      waiting,
      longestWaitSince: first?.joinedAt ?? null,
      longestWaitSeconds,
      counts,
      serviceLevel,
      waitAlarm: first !== null && longestWaitSeconds > queue.serviceLevelSeconds,
      serviceLevelAlarm: serviceLevel !== null && serviceLevel < queue.serviceLevelTarget,
      averageWaitSeconds: counts.answered > 0 ? Math.round(counts.answeredWaitSeconds / counts.answered) : null,
      agents
    };
  });
}

/** An agent's state across their queues. */
export interface CombinedState {
  state: AgentState;
  since: string;
  pauseReason: string | null;
  queues: string[];
  /** Signed in to at least one queue / paused in at least one. */
  signedIn: boolean;
  paused: boolean;
}

export interface AgentRow extends CombinedState {
  extensionId: string;
  name: string;
  number: string;
}

/** What matters most about an agent in several queues comes first: their call, then ringing, wrap-up, pause. */
const PRECEDENCE: AgentState[] = ["on_call", "ringing", "wrap_up", "paused", "available", "unavailable", "logged_out"];

/** One agent's memberships as one state: the one that matters most, since the earliest of their queues in it. */
export function combineMemberships(memberships: readonly { member: QueueMemberView; queueName: string }[], now: number): CombinedState {
  let best: { state: AgentState; since: string; pauseReason: string | null; rank: number } | null = null;
  for (const { member } of memberships) {
    const { state, since } = agentStateAt(member, now);
    const rank = PRECEDENCE.indexOf(state);
    if (!best || rank < best.rank || (rank === best.rank && since < best.since))
      best = { state, since, pauseReason: state === "paused" ? member.pauseReason : null, rank };
  }
  return {
    state: best?.state ?? "logged_out",
    since: best?.since ?? new Date(now).toISOString(),
    pauseReason: best?.pauseReason ?? null,
    queues: memberships.map((m) => m.queueName),
    signedIn: memberships.some((m) => m.member.loggedIn),
    paused: memberships.some((m) => m.member.loggedIn && m.member.paused)
  };
}

/** One row per agent across their queues (see combineMemberships), the busiest first. */
export function agentRows(queues: readonly QueueView[], now: number): AgentRow[] {
  const byAgent = new Map<string, { member: QueueMemberView; queueName: string }[]>();
  for (const queue of queues) {
    for (const member of queue.members) byAgent.set(member.extensionId, [...(byAgent.get(member.extensionId) ?? []), { member, queueName: queue.name }]);
  }
  return [...byAgent.entries()]
    .map(([extensionId, memberships]) => {
      const first = memberships[0]?.member;
      return { extensionId, name: first?.agentName ?? "", number: first?.extensionNumber ?? "", ...combineMemberships(memberships, now) };
    })
    .sort((a, b) => PRECEDENCE.indexOf(a.state) - PRECEDENCE.indexOf(b.state) || a.name.localeCompare(b.name));
}

export interface ChartPoint {
  /** Interval start (ISO). */
  at: string;
  offered: number;
  answered: number;
  abandoned: number;
  /** Service level of the callers who finished waiting in it; null when nobody did. */
  serviceLevel: number | null;
}

/** Today's 15-minute intervals, all queues together, from the first with traffic to the current one. */
export function chartSeries(state: WallboardState, dayStart: string, now: number): ChartPoint[] {
  const current = startOfQuarterHour(new Date(now)).getTime();
  const withTraffic = [...state.quarters.keys()].map(Date.parse).filter((t) => t <= current);
  const from = Math.max(Date.parse(dayStart), Math.min(current, ...withTraffic));
  const points: ChartPoint[] = [];
  for (let t = from; t <= current; t += QUARTER_HOUR_MS) {
    const at = new Date(t).toISOString();
    const total = { ...ZERO };
    for (const counts of state.quarters.get(at)?.values() ?? []) for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
    points.push({ at, offered: total.offered, answered: total.answered, abandoned: total.abandoned, serviceLevel: serviceLevelPercent(total) });
  }
  return points;
}
