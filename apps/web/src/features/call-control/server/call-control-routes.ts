import "server-only";
import { z } from "zod";
import { RULES, type SessionUser } from "@switchboard/auth";
import { dataSchemaOf } from "@switchboard/contracts";
import { ApiError } from "@/features/api/api-error";
import { defineApiRoute, type ErrorAnswer } from "@/features/api/api-route";
import type { WebRuntime } from "@/server/runtime";
import { controlCallAs, locateControllableCall, transferBodySchema, transferInputFailure, type CallCommand, type CallControlFailure } from "./control-call";
import { getCallControlGateway } from "./gateway-registry";

const STATUS: Record<CallControlFailure["code"], [number, ConstructorParameters<typeof ApiError>[1]]> = {
  forbidden: [403, "forbidden"],
  not_found: [404, "not_found"],
  invalid: [400, "bad_request"],
  no_such_extension: [400, "bad_request"],
  call_ended: [409, "conflict"],
  not_answered: [409, "conflict"],
  not_connected: [503, "unavailable"],
  refused: [502, "unavailable"],
  timeout: [504, "unavailable"]
};

function toApiError(failure: CallControlFailure): ApiError {
  const [status, code] = STATUS[failure.code];
  return new ApiError(status, code, failure.error, failure.fields);
}

async function locate(runtime: WebRuntime, viewer: SessionUser, id: string) {
  const call = await locateControllableCall(runtime.db, viewer, id);
  if ("ok" in call) throw toApiError(call);
  return call;
}

async function control(runtime: WebRuntime, viewer: SessionUser, id: string, command: CallCommand) {
  const call = await locate(runtime, viewer, id);
  const outcome = await controlCallAs({ db: runtime.db, gateway: getCallControlGateway() }, viewer, id, call, command);
  if (!outcome.ok) throw toApiError(outcome);
  return { data: { callId: id, action: command.action, message: outcome.message } };
}

const PBX_ANSWERS: ErrorAnswer[] = [
  { status: 409, description: "`call already ended` (in the database, or the PBX no longer has it)" },
  { status: 502, description: "`the PBX refused: …` (the PBX's own message)" },
  { status: 503, description: "`PBX not connected`: no connected AMI session and no connector for the organization" },
  { status: 504, description: "`the PBX did not answer in time` (8 seconds)" }
];

/** What the PBX answered to a hang-up or transfer. */
export const callControlResultSchema = dataSchemaOf(z.object({ callId: z.string(), action: z.enum(["hangup", "transfer"]), message: z.string() }));

const common = {
  method: "POST",
  item: "call",
  tag: "Calls",
  rule: RULES.controlCalls,
  success: {
    status: 200,
    description: "The PBX's answer",
    schema: callControlResultSchema
  }
} as const;

/**
 * POST /api/v1/calls/{id}/hangup and /transfer {extension}: call control for admins and
 * supervisors, answered with the PBX's outcome (200) or an error whose status says whose problem
 * it is: 4xx the request's, 409 the call's state, 502/503/504 the PBX's.
 */
export const callControlRoutes = {
  hangup: defineApiRoute({
    ...common,
    path: "/api/v1/calls/{id}/hangup",
    operationId: "hangUpCall",
    summary: "Hang up a live call",
    errors: PBX_ANSWERS,
    handle: ({ runtime, viewer, id }) => control(runtime, viewer, id, { action: "hangup" })
  }),

  transfer: defineApiRoute({
    ...common,
    path: "/api/v1/calls/{id}/transfer",
    operationId: "transferCall",
    summary: "Blind-transfer a live call to one of the organization's extensions",
    // Policy and the call's existence come before the body, like every other item route.
    beforeBody: async ({ runtime, viewer, id }) => void (await locate(runtime, viewer, id)),
    body: transferBodySchema,
    invalidBody: (error) => toApiError(transferInputFailure(error)),
    errors: [
      { status: 400, description: "`no such extension …`: the target is not one of your extensions (`fields.extension`)" },
      { status: 409, description: "`the call has no caller leg to redirect yet, so it cannot be transferred`" },
      ...PBX_ANSWERS
    ],
    handle: ({ runtime, viewer, id, body }) => control(runtime, viewer, id, { action: "transfer", extension: body.extension })
  })
};
