"use server";

import { agentStateRequestSchema } from "@switchboard/contracts";
import { invalidInput } from "@switchboard/db";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { getCallControlGateway } from "@/features/call-control/server/gateway-registry";
import { getRuntime } from "@/server/runtime";
import { changeAgentStateAs, type AgentStateOutcome } from "../server/change-agent-state";

// No revalidation: the new state reaches every console as agent.state_changed, once the PBX reports it.

/** Sign an agent in or out, pause (with a reason) or resume them; the same checks and answers as POST /api/v1/agents/{id}/state. */
export async function changeAgentStateAction(extensionId: string, input: unknown): Promise<AgentStateOutcome> {
  const viewer = await requireViewer();
  const parsed = agentStateRequestSchema.safeParse(input);
  if (!parsed.success) {
    const error = invalidInput(parsed.error);
    return { ok: false, code: "bad_request", error: error.message, ...(error.fields ? { fields: error.fields } : {}) };
  }
  try {
    return await changeAgentStateAs({ db: getRuntime().db, gateway: getCallControlGateway() }, viewer, extensionId, parsed.data);
  } catch (error) {
    console.error("agent state change failed", error);
    return { ok: false, code: "refused", error: "Something went wrong. Please try again." };
  }
}
