import type { PauseReasonView, QueueCallerView, QueueIntervalView, QueueMemberView, QueueView } from "@switchboard/contracts";
import type { PauseReason, Prisma, Queue, QueueCaller, QueueInterval, QueueMember } from "../generated/prisma/client";

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** What a member row is loaded with: the agent's extension. */
export const memberIncludes = { extension: { select: { number: true, displayName: true, userId: true } } } satisfies Prisma.QueueMemberInclude;
export type QueueMemberRow = QueueMember & { extension?: { number: string; displayName: string; userId: string | null } | null };

/** What a queue row is loaded with: its members (by extension number) and theirs. */
export const queueIncludes = {
  members: { include: memberIncludes, orderBy: [{ penalty: "asc" }, { interface: "asc" }] }
} satisfies Prisma.QueueInclude;
export type QueueRow = Queue & { members?: QueueMemberRow[] };

export function toQueueMemberView(row: QueueMemberRow): QueueMemberView {
  return {
    id: row.id,
    queueId: row.queueId,
    extensionId: row.extensionId,
    extensionNumber: row.extension?.number ?? "",
    agentName: row.extension?.displayName ?? row.interface,
    userId: row.extension?.userId ?? null,
    interface: row.interface,
    penalty: row.penalty,
    loggedIn: row.loggedIn,
    paused: row.paused,
    pauseReason: row.pauseReason,
    activity: row.activity,
    wrapUpUntil: iso(row.wrapUpUntil),
    state: row.state,
    stateSince: row.stateSince.toISOString(),
    callsTaken: row.callsTaken,
    lastCallAt: iso(row.lastCallAt),
    updatedAt: row.updatedAt.toISOString()
  };
}

export function toQueueView(row: QueueRow): QueueView {
  return {
    id: row.id,
    name: row.name,
    number: row.number,
    strategy: row.strategy,
    serviceLevelSeconds: row.serviceLevelSeconds,
    serviceLevelTarget: row.serviceLevelTarget,
    wrapUpSeconds: row.wrapUpSeconds,
    version: row.version,
    resyncedAt: iso(row.resyncedAt),
    members: (row.members ?? []).map(toQueueMemberView),
    updatedAt: row.updatedAt.toISOString()
  };
}

export function toQueueCallerView(row: QueueCaller): QueueCallerView {
  return {
    id: row.id,
    queueId: row.queueId,
    pbxCallId: row.pbxCallId,
    callerNumber: row.callerNumber,
    callerName: row.callerName,
    position: row.position,
    joinedAt: row.joinedAt.toISOString(),
    leftAt: iso(row.leftAt),
    outcome: row.outcome,
    waitSeconds: row.waitSeconds,
    withinServiceLevel: row.withinServiceLevel,
    answeredByExtensionId: row.answeredByExtensionId
  };
}

export function toQueueIntervalView(row: QueueInterval): QueueIntervalView {
  return {
    queueId: row.queueId,
    startsAt: row.startsAt.toISOString(),
    offered: row.offered,
    answered: row.answered,
    abandoned: row.abandoned,
    answeredWithinSl: row.answeredWithinSl,
    answeredWaitSeconds: row.answeredWaitSeconds,
    abandonedWaitSeconds: row.abandonedWaitSeconds,
    talkSeconds: row.talkSeconds,
    completed: row.completed
  };
}

export function toPauseReasonView(row: Pick<PauseReason, "id" | "label">): PauseReasonView {
  return { id: row.id, label: row.label };
}
