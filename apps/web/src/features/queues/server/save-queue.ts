import "server-only";
import type { QueueUpdateInput, QueueView } from "@switchboard/contracts";
import { deleteQueue, updateQueue, type ActingViewer, type PbxQueueMember } from "@switchboard/db";
import { getApiLogger } from "@/features/api/logger";
import { queueCommandPath, type AgentStateDeps } from "./change-agent-state";

export type QueueAdminDeps = AgentStateDeps;

/** What the admin is told besides "saved": members the PBX may still ring. */
type Warned<T> = T & { warning?: string };

/** Saves a queue; members removed while signed in are signed out of the PBX's queue too (QueueRemove). */
export async function updateQueueAs(deps: QueueAdminDeps, viewer: ActingViewer, id: string, input: QueueUpdateInput): Promise<Warned<{ queue: QueueView }>> {
  const { queue, signedInRemoved } = await updateQueue(deps, viewer, id, input);
  const warning = await signOutOfPbx(deps, viewer, signedInRemoved);
  return warning ? { queue, warning } : { queue };
}

/** Deletes a queue; whoever was signed in to it is signed out of the PBX's queue too. */
export async function deleteQueueAs(deps: QueueAdminDeps, viewer: ActingViewer, id: string): Promise<Warned<{ id: string }>> {
  const { signedInRemoved } = await deleteQueue(deps, viewer, id);
  const warning = await signOutOfPbx(deps, viewer, signedInRemoved);
  return warning ? { id, warning } : { id };
}

/**
 * Asks the PBX (or the simulator playing it) to drop members Switchboard no longer lists; otherwise
 * it keeps ringing them for a queue nobody sees them in. The change itself is committed already, so
 * a PBX that is down or refuses is reported as a warning naming who to sign out by hand. An
 * organization whose queues Switchboard runs itself has nothing to tell.
 */
async function signOutOfPbx(deps: QueueAdminDeps, viewer: ActingViewer, members: readonly PbxQueueMember[]): Promise<string | undefined> {
  if (members.length === 0) return undefined;
  const path = await queueCommandPath(deps, viewer.orgId);
  if (path === "switchboard") return undefined;
  const failed: string[] = [];
  for (const member of members) {
    const who = `${member.agentName} (${member.interface}) out of ${member.queue}`;
    if (path === "pbx_down") {
      failed.push(who);
      continue;
    }
    const command = { action: "queue_remove", queue: member.queue, interface: member.interface, actor: { id: viewer.id, name: viewer.name } } as const;
    const result = await deps.gateway.control(viewer.orgId, command);
    getApiLogger().info({ userId: viewer.id, orgId: viewer.orgId, action: command.action, queue: member.queue, ok: result.ok }, "queue member removed");
    if (!result.ok) failed.push(`${who} (${result.error})`);
  }
  if (failed.length === 0) return undefined;
  const why = path === "pbx_down" ? "the PBX is not connected" : "the PBX refused";
  return `${why}: sign ${failed.join(", ")} on the PBX`;
}
