import "server-only";
import type { NextRequest } from "next/server";
import { ApiError } from "@/features/api/api-error";
import { authenticated } from "@/features/api/api-handler";
import { readJsonBody } from "@/features/api/read-json-body";
import type { ItemContext } from "@/features/api/resource";
import { jsonResponse } from "@/features/api/responses";
import { controlCallAs, locateControllableCall, type CallCommand, type CallControlOutcome } from "./control-call";
import { getCallControlGateway } from "./gateway-registry";

type Failure = Extract<CallControlOutcome, { ok: false }>;

const STATUS: Record<Failure["code"], [number, ConstructorParameters<typeof ApiError>[1]]> = {
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

async function transferCommand(request: NextRequest): Promise<CallCommand> {
  const body = await readJsonBody(request);
  const unknown = Object.keys(body).filter((key) => key !== "extension");
  if (unknown.length) {
    throw new ApiError(
      400,
      "bad_request",
      `unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`,
      Object.fromEntries(unknown.map((k) => [k, "is not allowed"]))
    );
  }
  return { action: "transfer", extension: body.extension };
}

function respond(callId: string, action: string, outcome: CallControlOutcome): Response {
  if (outcome.ok) return jsonResponse({ data: { callId, action, message: outcome.message } });
  const [status, code] = STATUS[outcome.code];
  throw new ApiError(status, code, outcome.error, outcome.fields);
}

/**
 * POST /api/v1/calls/{id}/hangup and /transfer {extension}: call control for admins and
 * supervisors, answered with the PBX's outcome (200) or an error whose status says whose problem
 * it is: 4xx the request's, 409 the call's state, 502/503/504 the PBX's.
 */
export const callControlApi = {
  hangup: authenticated<ItemContext>(async (_request, { runtime, viewer }, { params }) => {
    const { id } = await params;
    return respond(id, "hangup", await controlCallAs({ db: runtime.db, gateway: getCallControlGateway() }, viewer, id, { action: "hangup" }));
  }),

  transfer: authenticated<ItemContext>(async (request, { runtime, viewer }, { params }) => {
    const { id } = await params;
    const deps = { db: runtime.db, gateway: getCallControlGateway() };
    // Policy and the call's existence come before the body, like every other item route.
    const located = await locateControllableCall(runtime.db, viewer, id);
    if ("ok" in located) return respond(id, "transfer", located);
    return respond(id, "transfer", await controlCallAs(deps, viewer, id, await transferCommand(request)));
  })
};
