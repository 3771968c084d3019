import "server-only";
import type { AgentStateRequest, Role } from "@switchboard/contracts";
import {
  configuredPauseReason,
  findAgentToChange,
  membershipsToChange,
  queueControlPath,
  type AgentMembership,
  type AgentToChange,
  type DbClient
} from "@switchboard/db";
import { applyQueueControlLocally, CALL_CONTROL_ERRORS, type CallControlErrorCode, type CallControlGateway, type QueueControlRequest } from "@switchboard/pbx";
import { getApiLogger } from "@/features/api/logger";
import { asDomainError, type DomainErrorCode } from "@/server/domain-error";

/** What a console or API client is told. `code` decides the HTTP status; `error` is shown as is. */
export type AgentStateOutcome =
  { ok: true; message: string } | { ok: false; code: DomainErrorCode | CallControlErrorCode; error: string; fields?: Record<string, string> };

export interface AgentStateDeps {
  db: DbClient;
  gateway: CallControlGateway;
}

interface Actor {
  id: string;
  orgId: string;
  role: Role;
  name: string;
}

/** The PBX commands a change is: one per queue to sign in or out; one pause or resume per interface (every queue at once unless one is named). */
function commandsFor(
  request: AgentStateRequest,
  targets: AgentMembership[],
  agent: AgentToChange,
  reason: string | undefined,
  actor: Actor
): QueueControlRequest[] {
  const who = { id: actor.id, name: actor.name };
  switch (request.action) {
    case "login":
      return targets.map((m) => ({ action: "queue_add", queue: m.queueName, interface: m.interface, penalty: m.penalty, memberName: agent.name, actor: who }));
    case "logout":
      return targets.map((m) => ({ action: "queue_remove", queue: m.queueName, interface: m.interface, actor: who }));
    case "pause":
    case "unpause": {
      const interfaces = [...new Set(targets.map((m) => m.interface))];
      const queue = request.queueId ? targets[0]?.queueName : undefined;
      return interfaces.map((iface) => ({
        action: "queue_pause",
        interface: iface,
        paused: request.action === "pause",
        ...(queue ? { queue } : {}),
        ...(reason ? { reason } : {}),
        actor: who
      }));
    }
  }
}

function successMessage(request: AgentStateRequest, agent: AgentToChange, targets: AgentMembership[], reason: string | undefined): string {
  const queues = targets.map((m) => m.queueName).join(", ");
  switch (request.action) {
    case "login":
      return `${agent.name} signed in to ${queues}`;
    case "logout":
      return `${agent.name} signed out of ${queues}`;
    case "pause":
      return `${agent.name} paused: ${reason ?? ""}`;
    case "unpause":
      return `${agent.name} is available again`;
  }
}

/** Where an organization's queue commands go: the simulator in this process plays its PBX, or its AMI connection (up or down), or Switchboard itself. */
export async function queueCommandPath(deps: AgentStateDeps, orgId: string): Promise<"pbx" | "pbx_down" | "switchboard"> {
  return deps.gateway.simulates?.(orgId) ? "pbx" : queueControlPath(deps, orgId);
}

/**
 * Signs an agent in or out of their queues, pauses (with one of the organization's reasons) or
 * resumes them. Checks in the order a user can act on: may I change this agent, is the reason
 * configured, does the change fit their state — then the PBX is asked (its AMI connection, or the
 * simulator playing it), and the state consoles show is the one it then reports. An organization
 * without a PBX that takes queue control has the change recorded at once.
 */
export async function changeAgentStateAs(deps: AgentStateDeps, viewer: Actor, extensionId: string, request: AgentStateRequest): Promise<AgentStateOutcome> {
  try {
    const agent = await findAgentToChange(deps, viewer, extensionId);
    const reason = request.action === "pause" && request.reason ? await configuredPauseReason(deps, viewer, request.reason) : undefined;
    const targets = membershipsToChange(agent, request);
    const commands = commandsFor(request, targets, agent, reason, viewer);
    const path = await queueCommandPath(deps, viewer.orgId);
    if (path === "pbx_down") return CALL_CONTROL_ERRORS.notConnected;
    for (const command of commands) {
      const result = path === "pbx" ? await deps.gateway.control(viewer.orgId, command) : await applyQueueControlLocally(deps, viewer.orgId, command);
      // Who changed whose queue state, whatever the outcome.
      getApiLogger().info(
        { userId: viewer.id, orgId: viewer.orgId, extensionId, action: command.action, queue: "queue" in command ? command.queue : undefined, ok: result.ok },
        "agent state"
      );
      if (!result.ok) return result;
    }
    return { ok: true, message: successMessage(request, agent, targets, reason) };
  } catch (error) {
    const domain = asDomainError(error);
    if (!domain) throw error;
    return { ok: false, code: domain.code, error: domain.message, ...(domain.fields ? { fields: domain.fields } : {}) };
  }
}
