import { AGENT_DENIALS, canChangeAgentState, RULES } from "@switchboard/auth";
import { uuidSchema, type AgentStateRequest } from "@switchboard/contracts";
import type { DbClient } from "../client/create-client";
import { badRequest, conflict, enforce, forbidden, notFound } from "./errors";
import type { ActingViewer } from "./viewer";

interface Deps {
  db: DbClient;
}

/** One queue membership of the agent, as a state change needs it. */
export interface AgentMembership {
  queueId: string;
  queueName: string;
  interface: string;
  penalty: number;
  loggedIn: boolean;
  paused: boolean;
}

/** The agent whose queue state is to change: their extension and its memberships. */
export interface AgentToChange {
  extensionId: string;
  number: string;
  name: string;
  /** The user the extension belongs to, if any. */
  userId: string | null;
  memberships: AgentMembership[];
}

/**
 * The agent (an extension of the viewer's organization) whose state the viewer may change: managers
 * anyone's, agents their own extension's only. An id that names nothing the viewer may see is
 * "extension not found".
 */
export async function findAgentToChange({ db }: Deps, viewer: ActingViewer, extensionId: string): Promise<AgentToChange> {
  enforce(RULES.changeAgentStates, viewer);
  if (!uuidSchema.safeParse(extensionId).success) throw notFound("extension");
  const ext = await db.extension.findFirst({
    where: { id: extensionId, organizationId: viewer.orgId },
    select: {
      id: true,
      number: true,
      displayName: true,
      userId: true,
      queueMemberships: {
        select: { queueId: true, interface: true, penalty: true, loggedIn: true, paused: true, queue: { select: { name: true } } },
        orderBy: { queue: { name: "asc" } }
      }
    }
  });
  if (!ext) throw notFound("extension");
  if (!canChangeAgentState(viewer, { orgId: viewer.orgId, userId: ext.userId })) throw forbidden(AGENT_DENIALS.notOwn);
  return {
    extensionId: ext.id,
    number: ext.number,
    name: ext.displayName,
    userId: ext.userId,
    memberships: ext.queueMemberships.map((m) => ({
      queueId: m.queueId,
      queueName: m.queue.name,
      interface: m.interface,
      penalty: m.penalty,
      loggedIn: m.loggedIn,
      paused: m.paused
    }))
  };
}

/** The organization's spelling of a configured pause reason; a reason it has not configured is a 400 naming it. */
export async function configuredPauseReason({ db }: Deps, viewer: ActingViewer, reason: string): Promise<string> {
  const row = await db.pauseReason.findFirst({
    where: { organizationId: viewer.orgId, label: { equals: reason, mode: "insensitive" } },
    select: { label: true }
  });
  if (!row) {
    const message = `pause reason "${reason}" is not configured for this organization`;
    throw badRequest(message, { reason: message });
  }
  return row.label;
}

/**
 * The memberships a change acts on, checked against the agent's state: a named queue must be one of
 * theirs; signing in needs a queue they are signed out of, signing out one they are in; pausing and
 * resuming need them signed in (resuming, paused).
 */
export function membershipsToChange(agent: AgentToChange, request: AgentStateRequest): AgentMembership[] {
  const scope = request.queueId ? agent.memberships.filter((m) => m.queueId === request.queueId) : agent.memberships;
  if (request.queueId && scope.length === 0) throw badRequest(`${agent.name} is not a member of this queue`, { queueId: "not one of the agent's queues" });
  if (scope.length === 0) throw conflict("extensionId", `${agent.name} is not a member of any queue`);
  const targets = scope.filter((m) => {
    switch (request.action) {
      case "login":
        return !m.loggedIn;
      case "logout":
        return m.loggedIn;
      case "pause":
        return m.loggedIn;
      case "unpause":
        return m.loggedIn && m.paused;
    }
  });
  if (targets.length > 0) return targets;
  const why = {
    login: `${agent.name} is already signed in`,
    logout: `${agent.name} is not signed in`,
    pause: `${agent.name} is not signed in; sign in before pausing`,
    unpause: `${agent.name} is not paused`
  }[request.action];
  throw conflict("action", why);
}

/**
 * Where an agent-state change goes: to the PBX over its AMI connection ("pbx"; "pbx_down" while
 * that connection is not up — the PBX is the truth, so nothing is recorded meanwhile), or, for an
 * organization without one (webhooks only, or no PBX), straight into Switchboard's record.
 */
export async function queueControlPath({ db }: Deps, orgId: string): Promise<"pbx" | "pbx_down" | "switchboard"> {
  const row = await db.pbxConnection.findUnique({ where: { organizationId: orgId }, select: { enabled: true, status: true } });
  if (!row?.enabled) return "switchboard";
  return row.status === "connected" ? "pbx" : "pbx_down";
}
