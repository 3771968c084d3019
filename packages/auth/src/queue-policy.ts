import { isManager, isStaff, sameOrg, type Viewer } from "./viewer";

/** Queues, waiting callers, agent states and the wallboard: every staff member; customers see nothing of them. */
export function canReadQueues(viewer: Viewer): boolean {
  return isStaff(viewer);
}

/** Queue settings, members and the organization's pause reasons: admins. */
export function canManageQueues(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

/** Whose queue state is being changed: the organization of the agent's extension and the user it belongs to. */
export interface AgentAccess {
  orgId: string;
  /** The user the agent's extension belongs to (null: a shared phone nobody owns). */
  userId: string | null;
}

/**
 * Signing an agent in or out of queues and pausing or resuming them: admins and supervisors for
 * anyone of their organization; an agent only for their own extension.
 */
export function canChangeAgentState(viewer: Viewer, agent: AgentAccess): boolean {
  if (!sameOrg(viewer, agent.orgId)) return false;
  if (isManager(viewer)) return true;
  return viewer.role === "agent" && agent.userId === viewer.id;
}
