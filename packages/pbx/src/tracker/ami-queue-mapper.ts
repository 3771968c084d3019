import type { AgentActivity } from "@switchboard/contracts";
import { field, knownValue, type AmiMessage } from "../ami/ami-message";
import { channelFields, eventTime, type MapperContext } from "./mapper-context";
import type { MemberStatusOp } from "./queue-ops";

/**
 * app_queue's AMI events (apps/app_queue.c) mapped to queue operations. The caller is the event's
 * channel snapshot (Uniqueid, Linkedid, CallerID*); the member its `Interface`.
 */

/** QueueMember*.Status: the member's numeric device state (AST_DEVICE_*). UNKNOWN (0) says nothing. */
const DEVICE_ACTIVITY: Record<string, AgentActivity | undefined> = {
  "1": "idle",
  "2": "on_call",
  "3": "on_call",
  "4": "unavailable",
  "5": "unavailable",
  "6": "ringing",
  "7": "ringing",
  "8": "on_call"
};

/**
 * Callers who left a queue without abandoning, until it is clear how: app_queue takes an answered
 * caller out of the queue just before AgentConnect, so AgentConnect for the channel settles it as
 * answered; the channel hanging up, going on in the dialplan, being bridged or joining another
 * queue first settles it as left. A resync settles what is still open from the PBX's own lists.
 */
export class PendingQueueLeaves {
  private readonly pending = new Map<string, { queue: string; at: Date }>();

  add(channelId: string, queue: string, at: Date): void {
    this.pending.set(channelId, { queue, at });
  }

  take(channelId: string | undefined): { queue: string; at: Date } | undefined {
    if (!channelId) return undefined;
    const leave = this.pending.get(channelId);
    this.pending.delete(channelId);
    return leave;
  }

  takeAll(): [string, { queue: string; at: Date }][] {
    const all = [...this.pending.entries()];
    this.pending.clear();
    return all;
  }
}

/** Events of a caller's channel that settle a pending leave as "left" (not answered by the queue). */
export const SETTLES_LEAVE_AS_LEFT = new Set(["hangup", "newexten", "bridgeenter", "queuecallerjoin"]);

/** Settles the channel's pending leave, if any, with this outcome (and the PBX's count of the wait, when it gives one). */
export async function settleLeave(
  ctx: MapperContext,
  channelId: string | undefined,
  outcome: "answered" | "left",
  answeredBy?: { agent: string; waitSeconds?: number }
): Promise<void> {
  const leave = ctx.queueLeaves.take(channelId);
  if (!leave || !channelId) return;
  await ctx.apply({ op: "queue_caller_leave", at: leave.at, queue: leave.queue, channelId, outcome, ...answeredBy });
}

const number = (value: string | undefined): number | undefined => {
  const n = Number(value);
  return value !== undefined && value.trim() !== "" && Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
};
const flag = (value: string | undefined): boolean | undefined => (value === "1" ? true : value === "0" ? false : undefined);

/** The member an event names: Interface (events), Location (QueueStatus), StateInterface, MemberName. */
export function memberRef(e: AmiMessage): string | undefined {
  return knownValue(field(e, "Interface")) ?? knownValue(field(e, "Location")) ?? knownValue(field(e, "StateInterface")) ?? knownValue(field(e, "MemberName"));
}

/** The member fields every QueueMember* event and QueueStatus's QueueMember carry (queue_member_blob_create). */
export function memberFields(e: AmiMessage): Omit<MemberStatusOp, "op" | "at" | "queue" | "agent"> {
  const status = field(e, "Status");
  const inCall = flag(field(e, "InCall"));
  const activity = inCall ? "on_call" : DEVICE_ACTIVITY[status ?? ""];
  const lastCall = number(field(e, "LastCall"));
  const paused = flag(field(e, "Paused"));
  return {
    ...(paused !== undefined ? { paused, pauseReason: paused ? (knownValue(field(e, "PausedReason")) ?? null) : null } : {}),
    ...(activity ? { activity } : {}),
    ...(number(field(e, "Penalty")) !== undefined ? { penalty: number(field(e, "Penalty")) } : {}),
    ...(number(field(e, "Wrapuptime")) !== undefined ? { wrapUpSeconds: number(field(e, "Wrapuptime")) } : {}),
    ...(flag(field(e, "Ringinuse")) !== undefined ? { ringInUse: flag(field(e, "Ringinuse")) } : {}),
    ...(number(field(e, "CallsTaken")) !== undefined ? { callsTaken: number(field(e, "CallsTaken")) } : {}),
    ...(lastCall !== undefined ? { lastCallAt: lastCall > 0 ? new Date(lastCall * 1000) : null } : {})
  };
}

function queueOf(e: AmiMessage): string | undefined {
  return knownValue(field(e, "Queue"));
}

async function memberStatus(ctx: MapperContext, e: AmiMessage, extra: Partial<MemberStatusOp>): Promise<void> {
  const queue = queueOf(e);
  const agent = memberRef(e);
  if (!queue || !agent) return;
  await ctx.apply({ op: "member_status", at: eventTime(e), queue, agent, ...memberFields(e), ...extra });
}

export async function onQueueCallerJoin(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const f = channelFields(e);
  const queue = queueOf(e);
  if (!queue || !f.uniqueid) return;
  await ctx.apply({
    op: "queue_caller_join",
    at: eventTime(e),
    queue,
    channelId: f.uniqueid,
    callId: f.linkedid ?? null,
    from: { number: f.callerNum ?? "anonymous", name: f.callerName ?? null },
    position: number(field(e, "Position")) || undefined
  });
}

export async function onQueueCallerAbandon(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const channelId = field(e, "Uniqueid");
  const queue = queueOf(e);
  if (!queue || !channelId) return;
  await ctx.apply({ op: "queue_caller_leave", at: eventTime(e), queue, channelId, outcome: "abandoned", waitSeconds: number(field(e, "HoldTime")) });
}

/**
 * A caller leaves the queue: after QueueCallerAbandon (already recorded, so this settles nothing),
 * or answered or for another reason, which the caller's next events tell (PendingQueueLeaves).
 */
export function onQueueCallerLeave(ctx: MapperContext, e: AmiMessage): void {
  const channelId = field(e, "Uniqueid");
  const queue = queueOf(e);
  if (queue && channelId) ctx.queueLeaves.add(channelId, queue, eventTime(e));
}

/** The queue, member and caller an Agent* event names (the caller's channel snapshot comes first). */
function agentEventOf(e: AmiMessage): { at: Date; queue: string; agent: string; channelId?: string } | undefined {
  const queue = queueOf(e);
  const agent = memberRef(e);
  const channelId = field(e, "Uniqueid");
  if (!queue || !agent) return undefined;
  return { at: eventTime(e), queue, agent, ...(channelId ? { channelId } : {}) };
}

export async function onAgentCalled(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const event = agentEventOf(e);
  if (event) await ctx.apply({ op: "agent_ring", ...event });
}

export async function onAgentRingNoAnswer(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const event = agentEventOf(e);
  if (event) await ctx.apply({ op: "agent_ring_no_answer", ...event });
}

export async function onAgentConnect(ctx: MapperContext, e: AmiMessage): Promise<void> {
  const event = agentEventOf(e);
  if (!event) return;
  const waitSeconds = number(field(e, "HoldTime"));
  await settleLeave(ctx, event.channelId, "answered", { agent: event.agent, waitSeconds });
  await ctx.apply({ op: "agent_connect", ...event, waitSeconds });
}

export async function onAgentComplete(ctx: MapperContext, e: AmiMessage, dumped: boolean): Promise<void> {
  const event = agentEventOf(e);
  if (event) await ctx.apply({ op: "agent_complete", ...event, ...(dumped ? { dumped } : { talkSeconds: number(field(e, "TalkTime")) }) });
}

/**
 * QueueMemberAdded, QueueMemberPause, QueueMemberStatus, QueueMemberRinginuse, QueueMemberPenalty:
 * each carries the member's whole state, and a member the PBX reports is in the queue (signed in).
 */
export const onQueueMemberPresent = (ctx: MapperContext, e: AmiMessage) => memberStatus(ctx, e, { loggedIn: true });
export const onQueueMemberRemoved = (ctx: MapperContext, e: AmiMessage) => memberStatus(ctx, e, { loggedIn: false });
