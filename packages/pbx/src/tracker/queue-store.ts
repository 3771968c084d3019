import { addQueueOutcome, organizationTimeZone, withActor, type QueueCaller } from "@switchboard/db";
import type { QueueCallerOutcome } from "@switchboard/contracts";
import type { ApplyOutcome, StoreDeps } from "./call-store";
import type { DirectoryExtension, DirectoryQueue } from "./directory";
import { writeMemberChange, ensureMember, type MemberChange, type Tx } from "./queue-member-store";
import { interfaceResource, type QueueOp } from "./queue-ops";

/** How a store call may treat what it finds (a resync states the truth, whatever came before). */
export interface QueueApplyOptions {
  authoritative?: boolean;
}

async function resolveQueue(deps: StoreDeps, name: string): Promise<DirectoryQueue | undefined> {
  const queue = await deps.directory.queue(name);
  if (!queue) {
    deps.stats.unknownQueues++;
    deps.onQueueAnomaly?.();
    deps.log.info({ queue: name }, "queue event for a queue the organization does not have; skipped");
  }
  return queue;
}

/** The extension an agent reference names: interface (PJSIP/102, Local/102@ctx/n), number or SIP username. */
export async function resolveAgent(deps: StoreDeps, ref: string): Promise<DirectoryExtension | undefined> {
  const ext = (await deps.directory.extension(interfaceResource(ref))) ?? (await deps.directory.extension(ref));
  if (!ext) {
    deps.stats.unknownMembers++;
    deps.log.info({ agent: ref }, "queue event for an agent who is none of the organization's extensions; skipped");
  }
  return ext;
}

/** Serializes every caller write of one queue (positions, counters), whichever process makes it. */
async function lockQueue(tx: Tx, queueId: string): Promise<{ serviceLevelSeconds: number; wrapUpSeconds: number; organizationId: string }> {
  const rows = await tx.$queryRawUnsafe<{ service_level_seconds: number; wrap_up_seconds: number; organization_id: string }[]>(
    "SELECT service_level_seconds, wrap_up_seconds, organization_id FROM queues WHERE id = $1::uuid FOR UPDATE",
    queueId
  );
  const row = rows[0];
  if (!row) throw new Error(`queue ${queueId} vanished`);
  return { serviceLevelSeconds: row.service_level_seconds, wrapUpSeconds: row.wrap_up_seconds, organizationId: row.organization_id };
}

/**
 * Applies one queue operation: callers joining and leaving (with the queue's counters for the
 * day and the quarter hour, in the same transaction) and agents' states. Unknown queues, agents
 * and callers are counted and skipped; the next resync repairs what they leave.
 */
export async function applyQueueOp(deps: StoreDeps, op: QueueOp, options: QueueApplyOptions = {}): Promise<ApplyOutcome> {
  if (op.op === "member_status" && op.queue === undefined) return applyToEveryQueue(deps, op, options);
  const queue = await resolveQueue(deps, op.queue ?? "");
  if (!queue) return "unknown_queue";
  switch (op.op) {
    case "queue_caller_join":
      return joinQueue(deps, queue, op);
    case "queue_caller_leave": {
      const agent = op.agent ? await resolveAgent(deps, op.agent) : undefined;
      return deps.db.$transaction(async (tx) => {
        const q = await lockQueue(tx, queue.id);
        const caller = await tx.queueCaller.findFirst({ where: { queueId: queue.id, channelId: op.channelId, leftAt: null } });
        if (!caller) return unknownOrDone(deps, tx, queue.id, op.channelId);
        await closeCaller(deps, tx, q, caller, { at: op.at, outcome: op.outcome, agentId: agent?.id ?? null, waitSeconds: op.waitSeconds });
        return "applied" as const;
      });
    }
    default:
      return applyAgentOp(deps, queue, op, options);
  }
}

async function joinQueue(deps: StoreDeps, queue: DirectoryQueue, op: Extract<QueueOp, { op: "queue_caller_join" }>): Promise<ApplyOutcome> {
  const timeZone = await organizationTimeZone(deps.db, deps.directory.orgId);
  return deps.db.$transaction(async (tx) => {
    await lockQueue(tx, queue.id);
    const open = await tx.queueCaller.findFirst({ where: { queueId: queue.id, channelId: op.channelId, leftAt: null }, select: { id: true } });
    if (open) return "noop" as const;
    const waiting = await tx.queueCaller.count({ where: { queueId: queue.id, leftAt: null } });
    const position = Math.min(op.position ?? waiting + 1, waiting + 1);
    // A caller placed ahead of others (priority) moves those behind one back.
    if (position <= waiting) {
      await tx.queueCaller.updateMany({ where: { queueId: queue.id, leftAt: null, position: { gte: position } }, data: { position: { increment: 1 } } });
    }
    await tx.queueCaller.create({
      data: {
        organizationId: deps.directory.orgId,
        queueId: queue.id,
        channelId: op.channelId,
        pbxCallId: op.callId ?? null,
        callerNumber: op.from.number,
        callerName: op.from.name ?? null,
        position,
        joinedAt: op.at
      }
    });
    await addQueueOutcome(tx, { orgId: deps.directory.orgId, queueId: queue.id, at: op.at, timeZone, delta: { offered: 1 } });
    return "applied" as const;
  });
}

/** No waiting caller on this channel: one that already left is no news; one never seen is counted. */
async function unknownOrDone(deps: StoreDeps, tx: Tx, queueId: string, channelId: string): Promise<ApplyOutcome> {
  const left = await tx.queueCaller.findFirst({ where: { queueId, channelId, leftAt: { not: null } }, select: { id: true } });
  if (left) return "noop";
  deps.stats.unknownCallers++;
  deps.onQueueAnomaly?.();
  deps.log.info({ queueId, channelId }, "a caller left a queue they were never seen joining; skipped");
  return "unknown_caller";
}

export interface CallerExit {
  at: Date;
  outcome: QueueCallerOutcome;
  agentId: string | null;
  waitSeconds?: number;
}

/**
 * Ends a caller's wait: the row (announced as queue.caller_left or queue.caller_abandoned), the
 * positions of those behind, and the queue's answered/abandoned counters of the interval it ends in.
 */
export async function closeCaller(deps: StoreDeps, tx: Tx, queue: { serviceLevelSeconds: number }, caller: QueueCaller, exit: CallerExit): Promise<void> {
  const at = exit.at.getTime() < caller.joinedAt.getTime() ? caller.joinedAt : exit.at;
  const wait = exit.waitSeconds ?? Math.max(0, Math.round((at.getTime() - caller.joinedAt.getTime()) / 1000));
  const within = exit.outcome === "answered" ? wait <= queue.serviceLevelSeconds : exit.outcome === "abandoned" ? false : null;
  await tx.queueCaller.update({
    where: { id: caller.id },
    data: { leftAt: at, outcome: exit.outcome, waitSeconds: wait, withinServiceLevel: within, answeredByExtensionId: exit.agentId }
  });
  await tx.queueCaller.updateMany({
    where: { queueId: caller.queueId, leftAt: null, position: { gt: caller.position } },
    data: { position: { decrement: 1 } }
  });
  const timeZone = await organizationTimeZone(deps.db, deps.directory.orgId);
  const delta =
    exit.outcome === "answered"
      ? { answered: 1, answeredWithinSl: within ? 1 : 0, answeredWaitSeconds: wait }
      : exit.outcome === "abandoned"
        ? { abandoned: 1, abandonedWaitSeconds: wait }
        : {};
  await addQueueOutcome(tx, { orgId: deps.directory.orgId, queueId: caller.queueId, at, timeZone, delta });
}

type AgentOp = Exclude<QueueOp, { op: "queue_caller_join" | "queue_caller_leave" }>;

async function applyAgentOp(deps: StoreDeps, queue: DirectoryQueue, op: AgentOp, options: QueueApplyOptions): Promise<ApplyOutcome> {
  const ext = await resolveAgent(deps, op.agent);
  if (!ext) return "unknown_member";
  const knownReason = op.op === "member_status" && op.paused && op.pauseReason ? await deps.directory.pauseReason(op.pauseReason) : undefined;
  const actor = deps.actors?.actorFor(ext.id, queue.name);
  const write = () =>
    deps.db.$transaction(async (tx): Promise<ApplyOutcome> => {
      const q = await lockQueue(tx, queue.id);
      const member = await ensureMember(tx, deps.directory.orgId, queue.id, ext, op.agent);
      const change: MemberChange = {};
      let contradicts = false;
      switch (op.op) {
        case "agent_ring":
          // A signed-out member is not rung by the queue: something was missed.
          if (!member.loggedIn) return outOfOrder(deps, op, member.id);
          change.activity = "ringing";
          break;
        case "agent_ring_no_answer":
          if (member.activity !== "ringing") return outOfOrder(deps, op, member.id);
          change.activity = "idle";
          break;
        case "agent_connect": {
          contradicts = member.activity !== "ringing";
          change.activity = "on_call";
          if (!member.loggedIn) change.loggedIn = true;
          if (op.channelId) await recordAnswer(deps, tx, q, queue.id, op.channelId, ext.id, op);
          break;
        }
        case "agent_complete": {
          contradicts = member.activity !== "on_call";
          change.activity = "idle";
          if (!op.dumped) {
            const wrapUp = member.wrapUpSeconds ?? q.wrapUpSeconds;
            change.wrapUpUntil = wrapUp > 0 ? new Date(op.at.getTime() + wrapUp * 1000) : null;
            change.callsTaken = member.callsTaken + 1;
            change.lastCallAt = op.at;
            await recordTalk(deps, tx, queue.id, op);
          }
          break;
        }
        case "member_status":
          Object.assign(change, memberStatusChange(op));
          if (op.paused && op.pauseReason && !knownReason) {
            deps.stats.unknownPauseReasons++;
            deps.log.info({ reason: op.pauseReason }, "pause with a reason the organization has not configured");
          }
          if (knownReason) change.pauseReason = knownReason;
          break;
      }
      const outcome = await writeMemberChange(tx, member, change, op.at, options);
      if (outcome === "out_of_order") return outOfOrder(deps, op, member.id);
      if (contradicts) {
        deps.stats.outOfOrder++;
        deps.onQueueAnomaly?.();
        deps.log.info({ memberId: member.id, op: op.op }, "agent event out of order; applied, since it settles the state");
      }
      return outcome;
    });
  return actor ? withActor(actor, write) : write();
}

function outOfOrder(deps: StoreDeps, op: AgentOp, memberId: string): ApplyOutcome {
  deps.stats.outOfOrder++;
  deps.onQueueAnomaly?.();
  deps.log.info({ memberId, op: op.op }, "agent event contradicts the member's state; skipped");
  return "out_of_order";
}

function memberStatusChange(op: Extract<QueueOp, { op: "member_status" }>): MemberChange {
  const change: MemberChange = {};
  if (op.loggedIn !== undefined) change.loggedIn = op.loggedIn;
  if (op.paused !== undefined) change.paused = op.paused;
  if (op.paused) change.pauseReason = op.pauseReason ?? null;
  if (op.activity !== undefined) change.activity = op.activity;
  if (op.penalty !== undefined) change.penalty = op.penalty;
  if (op.wrapUpSeconds !== undefined) change.wrapUpSeconds = op.wrapUpSeconds && op.wrapUpSeconds > 0 ? op.wrapUpSeconds : null;
  if (op.ringInUse !== undefined) change.ringInUse = op.ringInUse;
  if (op.callsTaken !== undefined) change.callsTaken = op.callsTaken;
  if (op.lastCallAt !== undefined) change.lastCallAt = op.lastCallAt;
  return change;
}

/** The caller an agent answered: still waiting (the leave comes later on this PBX) or just left. */
async function recordAnswer(
  deps: StoreDeps,
  tx: Tx,
  queue: { serviceLevelSeconds: number },
  queueId: string,
  channelId: string,
  extensionId: string,
  op: Extract<QueueOp, { op: "agent_connect" }>
): Promise<void> {
  const caller = await tx.queueCaller.findFirst({ where: { queueId, channelId }, orderBy: { joinedAt: "desc" } });
  if (!caller) return;
  if (caller.leftAt === null) {
    await closeCaller(deps, tx, queue, caller, { at: op.at, outcome: "answered", agentId: extensionId, waitSeconds: op.waitSeconds });
  } else if (caller.outcome === "answered" && caller.answeredByExtensionId === null) {
    await tx.queueCaller.update({ where: { id: caller.id }, data: { answeredByExtensionId: extensionId } });
  }
}

async function recordTalk(deps: StoreDeps, tx: Tx, queueId: string, op: Extract<QueueOp, { op: "agent_complete" }>): Promise<void> {
  const talk = op.talkSeconds ?? 0;
  if (op.channelId) {
    const caller = await tx.queueCaller.findFirst({ where: { queueId, channelId: op.channelId }, orderBy: { joinedAt: "desc" }, select: { id: true } });
    if (caller) await tx.queueCaller.update({ where: { id: caller.id }, data: { talkSeconds: talk } });
  }
  const timeZone = await organizationTimeZone(deps.db, deps.directory.orgId);
  await addQueueOutcome(tx, { orgId: deps.directory.orgId, queueId, at: op.at, timeZone, delta: { talkSeconds: talk, completed: 1 } });
}

/**
 * A member status without a queue: the same change in every queue the agent is a member of — or,
 * for a pause, resume or phone state, every queue they are signed in to (as Asterisk's QueuePause
 * without a queue does).
 */
async function applyToEveryQueue(deps: StoreDeps, op: Extract<QueueOp, { op: "member_status" }>, options: QueueApplyOptions): Promise<ApplyOutcome> {
  const ext = await resolveAgent(deps, op.agent);
  if (!ext) return "unknown_member";
  const memberships = await deps.db.queueMember.findMany({
    where: { extensionId: ext.id, ...(op.loggedIn === undefined ? { loggedIn: true } : {}) },
    select: { queue: { select: { name: true } } }
  });
  let outcome: ApplyOutcome = "noop";
  for (const { queue } of memberships) {
    const result = await applyQueueOp(deps, { ...op, queue: queue.name }, options);
    if (result === "applied" || outcome === "noop") outcome = result;
  }
  return outcome;
}
