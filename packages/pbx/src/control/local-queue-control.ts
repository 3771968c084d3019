import { pino, type Logger } from "pino";
import { withActor, type DbClient } from "@switchboard/db";
import type { CallControlResult, QueueControlRequest } from "../ami/call-control";
import { applyQueueOp } from "../tracker/queue-store";
import { Directory } from "../tracker/directory";
import type { MemberStatusOp } from "../tracker/queue-ops";
import { createTrackerStats } from "../tracker/tracker-stats";

/**
 * Queue control for an organization whose PBX does not take it (no AMI connection: webhooks only,
 * or no PBX at all): Switchboard's own record is the agent's state, so the change is recorded at
 * once, as the asker's, through the same store the PBX's reports go through.
 */
export async function applyQueueControlLocally(deps: { db: DbClient; log?: Logger }, orgId: string, request: QueueControlRequest): Promise<CallControlResult> {
  const store = { db: deps.db, directory: new Directory(deps.db, orgId), stats: createTrackerStats(), log: deps.log ?? pino({ level: "silent" }) };
  const at = new Date();
  const change: Omit<MemberStatusOp, "op" | "at" | "agent"> =
    request.action === "queue_add"
      ? { queue: request.queue, loggedIn: true }
      : request.action === "queue_remove"
        ? { queue: request.queue, loggedIn: false }
        : { queue: request.queue, paused: request.paused, ...(request.paused ? { pauseReason: request.reason ?? null } : {}) };
  const apply = () => applyQueueOp(store, { op: "member_status", at, agent: request.interface, ...change });
  const outcome = request.actor ? await withActor(request.actor, apply) : await apply();
  if (outcome === "unknown_queue" || outcome === "unknown_member")
    return { ok: false, code: "invalid", error: `no such ${outcome === "unknown_queue" ? "queue" : "member"}` };
  return { ok: true, message: "Done" };
}
