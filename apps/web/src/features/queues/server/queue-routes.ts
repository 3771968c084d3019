import "server-only";
import { z } from "zod";
import { RULES } from "@switchboard/auth";
import { agentStateRequestSchema, dataSchemaOf, queueIntervalViewSchema, queueViewSchema } from "@switchboard/contracts";
import { listQueueIntervals, listQueues, queueIntervalQuerySchema } from "@switchboard/db";
import { ApiError } from "@/features/api/api-error";
import { defineApiRoute } from "@/features/api/api-route";
import { getCallControlGateway } from "@/features/call-control/server/gateway-registry";
import { changeAgentStateAs, type AgentStateOutcome } from "./change-agent-state";

const TAG = "Queues";

type Failure = Extract<AgentStateOutcome, { ok: false }>;

const STATUS: Record<Failure["code"], [number, ConstructorParameters<typeof ApiError>[1]]> = {
  bad_request: [400, "bad_request"],
  invalid: [400, "bad_request"],
  forbidden: [403, "forbidden"],
  not_found: [404, "not_found"],
  conflict: [409, "conflict"],
  rate_limited: [429, "rate_limited"],
  call_ended: [409, "conflict"],
  not_answered: [409, "conflict"],
  no_such_extension: [400, "bad_request"],
  not_connected: [503, "unavailable"],
  refused: [502, "unavailable"],
  timeout: [504, "unavailable"]
};

/** What the PBX (or Switchboard, without one) answered to an agent-state change. */
const agentStateResultSchema = dataSchemaOf(z.object({ extensionId: z.string(), action: agentStateRequestSchema.shape.action, message: z.string() }));

/**
 * /api/v1/queues (read: staff) and POST /api/v1/agents/{id}/state, where `id` is the agent's
 * extension: agents for their own extension, supervisors and admins for any of the organization's.
 */
export const queueRoutes = {
  list: defineApiRoute({
    method: "GET",
    path: "/api/v1/queues",
    tag: TAG,
    operationId: "listQueues",
    summary: "The organization's queues with their members and each member's live state",
    rule: RULES.readQueues,
    success: { status: 200, description: "Every queue, by name", schema: dataSchemaOf(z.array(queueViewSchema)) },
    handle: async ({ runtime, viewer }) => ({ data: await listQueues(runtime.services, viewer) })
  }),

  intervals: defineApiRoute({
    method: "GET",
    path: "/api/v1/queues/{id}/intervals",
    item: "queue",
    tag: TAG,
    operationId: "listQueueIntervals",
    summary: "A queue's outcomes per organization day or per 15 minutes (offered, answered, abandoned, within service level, waits, talk time), oldest first",
    description: "`from` defaults to the start of the organization's day, `to` to now; at most 3000 intervals.",
    rule: RULES.readQueues,
    query: queueIntervalQuerySchema,
    success: { status: 200, description: "The kept intervals in the range", schema: dataSchemaOf(z.array(queueIntervalViewSchema)) },
    handle: async ({ runtime, viewer, id, query }) => ({ data: await listQueueIntervals(runtime.services, viewer, id, query) })
  }),

  agentState: defineApiRoute({
    method: "POST",
    path: "/api/v1/agents/{id}/state",
    item: "extension",
    tag: TAG,
    operationId: "changeAgentState",
    summary: "Sign an agent (by extension id) in to or out of their queues, pause them with one of the organization's reasons, or resume them",
    description:
      "Without `queueId`, every queue the agent is a member of. With an AMI connection the request goes to the PBX and the state changes when the PBX reports it (`agent.state_changed`); without one, it is recorded at once.",
    rule: RULES.changeAgentStates,
    body: agentStateRequestSchema,
    errors: [
      {
        status: 400,
        description: '`pause reason "…" is not configured for this organization` (`fields.reason`); a queue that is not the agent\'s (`fields.queueId`)'
      },
      { status: 403, description: "`agents may only change their own queue state`" },
      { status: 409, description: "the change does not fit the agent's state (already signed in, not signed in, not paused, member of no queue)" },
      { status: 502, description: "`the PBX refused: …` (the PBX's own message)" },
      { status: 503, description: "`PBX not connected`: the organization's AMI connection is down" },
      { status: 504, description: "`the PBX did not answer in time`" }
    ],
    success: { status: 200, description: "The PBX's (or Switchboard's) answer", schema: agentStateResultSchema },
    handle: async ({ runtime, viewer, id, body }) => {
      const outcome = await changeAgentStateAs({ db: runtime.db, gateway: getCallControlGateway() }, viewer, id, body);
      if (!outcome.ok) {
        const [status, code] = STATUS[outcome.code];
        throw new ApiError(status, code, outcome.error, outcome.fields);
      }
      return { data: { extensionId: id, action: body.action, message: outcome.message } };
    }
  })
};
