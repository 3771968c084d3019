import { agentStateAt, deriveAgentState, type AgentActivity } from "@switchboard/contracts";
import type { DbTransaction, QueueMember } from "@switchboard/db";
import type { DirectoryExtension } from "./directory";

export type Tx = DbTransaction;

/** What an operation changes on a member; the state and since when are derived from the result. */
export interface MemberChange {
  loggedIn?: boolean;
  paused?: boolean;
  pauseReason?: string | null;
  activity?: AgentActivity;
  wrapUpUntil?: Date | null;
  wrapUpSeconds?: number | null;
  penalty?: number;
  ringInUse?: boolean;
  callsTaken?: number;
  lastCallAt?: Date | null;
}

/** How the console names a member on the PBX when the PBX has not said (Asterisk PJSIP endpoints). */
function defaultInterface(ext: Pick<DirectoryExtension, "sipUsername">): string {
  return `PJSIP/${ext.sipUsername}`;
}

/**
 * The agent's membership row in the queue. A member the PBX reports that the console did not have
 * is created through its queue, so consoles learn of it as queue.changed.
 */
export async function ensureMember(tx: Tx, orgId: string, queueId: string, ext: DirectoryExtension, reference: string): Promise<QueueMember> {
  const existing = await tx.queueMember.findUnique({ where: { queueId_extensionId: { queueId, extensionId: ext.id } } });
  if (existing) return existing;
  const iface = reference.includes("/") ? reference : defaultInterface(ext);
  await tx.queue.update({
    where: { id: queueId },
    data: { version: { increment: 1 }, members: { create: { organizationId: orgId, extensionId: ext.id, interface: iface } } }
  });
  return tx.queueMember.findUniqueOrThrow({ where: { queueId_extensionId: { queueId, extensionId: ext.id } } });
}

const KEYS = ["loggedIn", "paused", "pauseReason", "activity", "wrapUpUntil", "wrapUpSeconds", "penalty", "ringInUse", "callsTaken", "lastCallAt"] as const;

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

/**
 * Writes a member's change with the state it results in. An event older than the newest one the
 * member already reflects is out of order; a resync (`authoritative`) states the truth whatever came
 * before, and the event after it is news whatever its time. Signing out ends any pause and wrap-up;
 * resuming drops the pause reason. Nothing is written when nothing changes.
 */
export async function writeMemberChange(
  tx: Tx,
  member: QueueMember,
  change: MemberChange,
  at: Date,
  options: { authoritative?: boolean } = {}
): Promise<"applied" | "noop" | "out_of_order"> {
  if (!options.authoritative && member.lastEventAt && at.getTime() < member.lastEventAt.getTime()) return "out_of_order";
  const next = { ...change };
  if (next.loggedIn === false) {
    next.paused = false;
    next.wrapUpUntil = null;
  }
  if (next.paused === false) next.pauseReason = null;
  const merged = { ...member, ...next };
  const state = deriveAgentState(merged, at);
  const was = agentStateAt(
    { state: member.state, stateSince: member.stateSince.toISOString(), wrapUpUntil: member.wrapUpUntil?.toISOString() ?? null, activity: member.activity },
    at.getTime()
  );
  const data: Record<string, unknown> = {};
  for (const key of KEYS) if (key in next && !same(next[key], member[key])) data[key] = next[key];
  if (state !== member.state) data.state = state;
  // A state the member was already in keeps its start (a wrap-up that ran out became "available" when it ended).
  const since = state === was.state ? new Date(was.since) : at;
  if (!same(since, member.stateSince)) data.stateSince = since;
  // After a resync the PBX's next event is news whatever its time (the PBX's clock is not ours).
  if (options.authoritative) {
    if (member.lastEventAt !== null) data.lastEventAt = null;
  } else if (!member.lastEventAt || at.getTime() > member.lastEventAt.getTime()) data.lastEventAt = at;
  if (Object.keys(data).length === 0) return "noop";
  await tx.queueMember.update({ where: { id: member.id }, data });
  return "applied";
}
