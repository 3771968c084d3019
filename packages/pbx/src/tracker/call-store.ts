import type { Logger } from "pino";
import type { DbClient } from "@switchboard/db";
import type { CallOp, Party } from "./call-ops";
import type { Directory } from "./directory";
import type { PendingActors } from "./pending-actors";
import { partyLabel, planCallChange, type OpContext, type ResolvedParty } from "./plan-call-change";
import type { TrackerStats } from "./tracker-stats";

export interface StoreDeps {
  db: DbClient;
  directory: Directory;
  stats: TrackerStats;
  log: Logger;
  /** Told when queue activity made no sense against what is recorded, so a queue resync can set it right. */
  onQueueAnomaly?: () => void;
  /** Who asked for the agent changes the PBX is about to report (their events carry that person as actor). */
  actors?: PendingActors;
}

/**
 * unknown_endpoint: a status for an extension or trunk the console does not have (counted as
 * unmapped); unknown_queue / unknown_member / unknown_caller: queue activity naming a queue, an
 * agent or a waiting caller the organization does not have (counted).
 */
export type ApplyOutcome = "applied" | "noop" | "out_of_order" | "unknown_call" | "unknown_endpoint" | "unknown_queue" | "unknown_member" | "unknown_caller";

/** Looks the party up among the organization's extensions; ids from elsewhere are dropped. */
async function resolveParty(directory: Directory, party: Party | undefined): Promise<ResolvedParty | undefined> {
  if (!party) return undefined;
  const ext = party.extensionId ? directory.extensionById(party.extensionId) : await directory.extension(party.number);
  return { number: ext?.number ?? party.number, name: party.name ?? ext?.displayName ?? null, extensionId: ext?.id ?? null };
}

async function resolveTrunkId(directory: Directory, trunkId: string | undefined, trunkName: string | null | undefined): Promise<string | null> {
  if (trunkId) return directory.trunkById(trunkId)?.id ?? null;
  return (await directory.trunk(trunkName ?? undefined))?.id ?? null;
}

/**
 * Applies one operation to the organization's call, in one transaction that locks the call row,
 * so concurrent sources (two webhook deliveries) serialize. Every change writes a timeline row
 * with it, and the hooks turn the write into the matching call.* event.
 */
export async function applyCallOp(deps: StoreDeps, op: CallOp): Promise<ApplyOutcome> {
  const { db, directory, stats } = deps;
  const orgId = directory.orgId;
  if (op.op === "start") return startCall(deps, op);

  const ctx: OpContext = { toIsExtension: false };
  if (op.op === "ring") ctx.target = await resolveParty(directory, op.target);
  if (op.op === "transfer") ctx.target = await resolveParty(directory, op.to);
  if (op.op === "answer" || op.op === "hold" || op.op === "transfer") ctx.by = await resolveParty(directory, op.by);
  if (op.op === "update") ctx.trunkId = await resolveTrunkId(directory, op.trunkId, op.trunk);

  const outcome = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRawUnsafe<{ id: string; to_number: string }[]>(
      "SELECT id, to_number FROM calls WHERE organization_id = $1::uuid AND pbx_call_id = $2 FOR UPDATE",
      orgId,
      op.callId
    );
    const row = locked[0];
    if (!row) return "unknown_call" as const;
    const call = await tx.call.findUniqueOrThrow({ where: { id: row.id } });
    ctx.toIsExtension = Boolean(await directory.extension(call.toNumber));
    const change = planCallChange(call, op, ctx);
    if ("skip" in change) return change.skip;
    await tx.call.update({
      where: { id: call.id },
      data: { ...change.data, events: { create: { organizationId: orgId, kind: change.kind, at: op.at, detail: change.detail, party: change.party } } }
    });
    return "applied" as const;
  });
  if (outcome === "unknown_call") stats.unknownCalls++;
  if (outcome === "out_of_order") {
    stats.outOfOrder++;
    deps.log.info({ callId: op.callId, op: op.op }, "operation contradicts the call's state; skipped");
  }
  return outcome;
}

async function startCall(deps: StoreDeps, op: Extract<CallOp, { op: "start" }>): Promise<ApplyOutcome> {
  const { db, directory } = deps;
  const orgId = directory.orgId;
  const [from, to, trunkId] = await Promise.all([
    resolveParty(directory, op.from),
    resolveParty(directory, op.to),
    resolveTrunkId(directory, op.trunkId, op.trunk)
  ]);
  if (!from || !to) return "noop";
  // The called extension joins the call when it rings, so that ring is a call.ringing of its own.
  const extensionIds = from.extensionId ? [from.extensionId] : [];
  const trunk = trunkId ? directory.trunkById(trunkId) : undefined;
  const detail = `Call from ${partyLabel(from)} to ${partyLabel(to)}${trunk ? ` via ${trunk.name}` : ""}`;
  const created = await db.$transaction(async (tx) => {
    const existing = await tx.call.findUnique({ where: { organizationId_pbxCallId: { organizationId: orgId, pbxCallId: op.callId } }, select: { id: true } });
    if (existing) return false;
    await tx.call.create({
      data: {
        organizationId: orgId,
        pbxCallId: op.callId,
        direction: op.direction,
        state: "ringing",
        fromNumber: from.number,
        fromName: from.name,
        toNumber: to.number,
        toName: to.name,
        did: op.did ?? null,
        extensionIds,
        trunkId,
        queue: op.queue ?? null,
        startedAt: op.at,
        events: { create: { organizationId: orgId, kind: "started", at: op.at, detail, party: from.number } }
      }
    });
    return true;
  });
  return created ? "applied" : "noop";
}
