import { QUEUE_STRATEGIES, type QueueCallerOutcome, type QueueStrategy } from "@switchboard/contracts";
import type { QueueCaller } from "@switchboard/db";
import { field, knownValue, type AmiMessage } from "../ami/ami-message";
import { memberFields, memberRef } from "./ami-queue-mapper";
import type { StoreDeps } from "./call-store";
import { applyQueueOp, closeCaller, resolveAgent } from "./queue-store";

/** What the PBX answered to QueueSummary and QueueStatus on (re)connect. */
export interface QueueSnapshot {
  /** QueueSummary events, one per queue. */
  summary: readonly AmiMessage[];
  /** QueueStatus events: QueueParams, then the queue's QueueMember and QueueEntry events, per queue. */
  status: readonly AmiMessage[];
  at: Date;
}

interface ReportedQueue {
  name: string;
  params?: AmiMessage;
  members: AmiMessage[];
  entries: AmiMessage[];
}

function groupByQueue(snapshot: QueueSnapshot): Map<string, ReportedQueue> {
  const queues = new Map<string, ReportedQueue>();
  const of = (name: string) => {
    const key = name.toLowerCase();
    const q = queues.get(key) ?? { name, members: [], entries: [] };
    queues.set(key, q);
    return q;
  };
  for (const e of snapshot.summary) {
    const name = knownValue(field(e, "Queue"));
    if (name) of(name);
  }
  for (const e of snapshot.status) {
    const name = knownValue(field(e, "Queue"));
    if (!name) continue;
    const kind = e.name.toLowerCase();
    if (kind === "queueparams") of(name).params = e;
    else if (kind === "queuemember") of(name).members.push(e);
    else if (kind === "queueentry") of(name).entries.push(e);
  }
  return queues;
}

const paramOf = (params: AmiMessage | undefined, key: string): string => (params ? (field(params, key) ?? "") : "");

function strategyOf(params: AmiMessage | undefined): QueueStrategy | undefined {
  const value = paramOf(params, "Strategy").toLowerCase();
  return (QUEUE_STRATEGIES as readonly string[]).includes(value) ? (value as QueueStrategy) : undefined;
}

/**
 * Makes the database say what the PBX says of its queues: queues it has are adopted (created with
 * its strategy and service level) and take its strategy; members it lists are signed in with its
 * state, the others signed out; callers it lists wait (adopted with their wait so far, in its
 * order), the others have left — answered if their call was answered meanwhile, abandoned if it
 * ended unanswered. Queues the PBX does not have keep nobody waiting or signed in. Each queue's
 * `resyncedAt` moves last, which tells open wallboards to re-read their figures once.
 */
export async function applyQueueSnapshot(deps: StoreDeps, snapshot: QueueSnapshot, callOfChannel: (channelId: string) => string | undefined): Promise<void> {
  const { db, directory, stats } = deps;
  const orgId = directory.orgId;
  const reported = groupByQueue(snapshot);
  await directory.load();
  for (const q of reported.values()) {
    if (await directory.queue(q.name)) continue;
    const serviceLevel = Number(paramOf(q.params, "ServiceLevel"));
    await db.queue.create({
      data: {
        organizationId: orgId,
        name: q.name,
        strategy: strategyOf(q.params) ?? "ringall",
        ...(Number.isInteger(serviceLevel) && serviceLevel > 0 ? { serviceLevelSeconds: serviceLevel } : {})
      }
    });
    stats.resyncCorrections++;
  }
  await directory.load();

  const all = await db.queue.findMany({ where: { organizationId: orgId }, select: { id: true, name: true, strategy: true } });
  for (const queue of all) {
    const pbx = reported.get(queue.name.toLowerCase());
    await resyncMembers(deps, queue, pbx?.members ?? [], snapshot.at);
    await resyncCallers(deps, queue, pbx?.entries ?? [], snapshot.at, callOfChannel);
    const strategy = strategyOf(pbx?.params);
    await db.queue.update({
      where: { id: queue.id },
      data: { resyncedAt: snapshot.at, ...(strategy && strategy !== queue.strategy ? { strategy } : {}) }
    });
  }
  for (const summary of snapshot.summary) {
    const name = knownValue(field(summary, "Queue")) ?? "";
    const callers = Number(field(summary, "Callers"));
    const listed = reported.get(name.toLowerCase())?.entries.length ?? 0;
    if (Number.isFinite(callers) && callers !== listed)
      deps.log.warn({ queue: name, summary: callers, listed }, "QueueSummary and QueueStatus disagree on waiting callers");
  }
}

async function resyncMembers(deps: StoreDeps, queue: { id: string; name: string }, members: readonly AmiMessage[], at: Date): Promise<void> {
  const present = new Set<string>();
  for (const e of members) {
    const ref = memberRef(e);
    if (!ref) continue;
    const ext = await resolveAgent(deps, ref);
    if (!ext) continue;
    present.add(ext.id);
    await applyQueueOp(deps, { op: "member_status", at, queue: queue.name, agent: ref, loggedIn: true, ...memberFields(e) }, { authoritative: true });
  }
  const stale = await deps.db.queueMember.findMany({
    where: { queueId: queue.id, OR: [{ loggedIn: true }, { activity: { not: "idle" } }], extensionId: { notIn: [...present] } },
    select: { interface: true }
  });
  for (const member of stale) {
    deps.stats.resyncCorrections++;
    await applyQueueOp(
      deps,
      { op: "member_status", at, queue: queue.name, agent: member.interface, loggedIn: false, activity: "idle" },
      { authoritative: true }
    );
  }
}

async function resyncCallers(
  deps: StoreDeps,
  queue: { id: string; name: string },
  entries: readonly AmiMessage[],
  at: Date,
  callOfChannel: (channelId: string) => string | undefined
): Promise<void> {
  const listed = new Set<string>();
  for (const e of entries) {
    const channelId = knownValue(field(e, "Uniqueid"));
    if (!channelId) continue;
    listed.add(channelId);
    const wait = Math.max(0, Number(field(e, "Wait")) || 0);
    const position = Number(field(e, "Position")) || undefined;
    const open = await deps.db.queueCaller.findFirst({ where: { queueId: queue.id, channelId, leftAt: null }, select: { id: true, position: true } });
    if (open) {
      if (position && open.position !== position) await deps.db.queueCaller.update({ where: { id: open.id }, data: { position } });
      continue;
    }
    deps.stats.resyncCorrections++;
    const number = knownValue(field(e, "CallerIDNum"));
    await applyQueueOp(deps, {
      op: "queue_caller_join",
      at: new Date(at.getTime() - wait * 1000),
      queue: queue.name,
      channelId,
      callId: callOfChannel(channelId) ?? null,
      from: { number: number && number !== "unknown" ? number : "anonymous", name: nameOf(knownValue(field(e, "CallerIDName"))) },
      position
    });
  }
  const gone = await deps.db.queueCaller.findMany({ where: { queueId: queue.id, leftAt: null, channelId: { notIn: [...listed] } } });
  for (const caller of gone) {
    deps.stats.resyncCorrections++;
    const outcome = await outcomeOfCall(deps, caller);
    await deps.db.$transaction(async (tx) => {
      const q = await tx.queue.findUniqueOrThrow({ where: { id: queue.id }, select: { serviceLevelSeconds: true } });
      const current = await tx.queueCaller.findUnique({ where: { id: caller.id } });
      if (current && current.leftAt === null) await closeCaller(deps, tx, q, current, { at, outcome, agentId: null });
    });
  }
}

function nameOf(value: string | undefined): string | null {
  return value && value !== "unknown" ? value : null;
}

/**
 * How a caller the PBX no longer has in the queue left it, judged by their call: answered if the
 * call was answered at or after they joined, abandoned if it ended unanswered, left otherwise.
 */
async function outcomeOfCall(deps: StoreDeps, caller: QueueCaller): Promise<QueueCallerOutcome> {
  if (!caller.pbxCallId) return "left";
  const call = await deps.db.call.findFirst({
    where: { organizationId: deps.directory.orgId, pbxCallId: caller.pbxCallId },
    select: { state: true, answeredAt: true }
  });
  if (!call) return "left";
  if (call.answeredAt && call.answeredAt.getTime() >= caller.joinedAt.getTime()) return "answered";
  return call.state === "ended" ? "abandoned" : "left";
}
