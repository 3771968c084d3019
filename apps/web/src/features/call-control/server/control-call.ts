import "server-only";
import { z } from "zod";
import { RULES } from "@switchboard/auth";
import type { Role } from "@switchboard/contracts";
import {
  findControllableCall,
  isPbxConnected,
  checkTransferTarget,
  notFoundMessage,
  recordCallControl,
  type ControllableCall,
  type DbClient
} from "@switchboard/db";
import { CALL_CONTROL_ERRORS, extensionNumberSchema, type CallControlErrorCode, type CallControlGateway } from "@switchboard/pbx";
import { getApiLogger } from "@/features/api/logger";

/** A checked command: a transfer's target is a valid extension number (see transferBodySchema). */
export type CallCommand = { action: "hangup" } | { action: "transfer"; extension: string };

/** What a console or API client is told. `code` decides the HTTP status; `error` is shown as is. */
export type CallControlOutcome =
  { ok: true; message: string } | { ok: false; code: CallControlErrorCode | "forbidden" | "not_found"; error: string; fields?: Record<string, string> };

export type CallControlFailure = Extract<CallControlOutcome, { ok: false }>;

export interface CallControlDeps {
  db: DbClient;
  gateway: CallControlGateway;
}

interface Actor {
  id: string;
  orgId: string;
  role: Role;
  name: string;
}

/** A transfer's input, from a form or a JSON body: exactly `{ extension }`. */
export const transferBodySchema = z.strictObject({ extension: extensionNumberSchema });

/** A transfer input the schema refused: unknown fields first (each "is not allowed"), else what is wrong with the extension. */
export function transferInputFailure(error: z.ZodError): CallControlFailure {
  const unknown = error.issues.flatMap((issue) => (issue.code === "unrecognized_keys" ? issue.keys : []));
  if (unknown.length) {
    const fields = Object.fromEntries(unknown.map((key) => [key, "is not allowed"]));
    return { ok: false, code: "invalid", error: `unknown field${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`, fields };
  }
  const message = error.issues[0]?.message ?? "extension is invalid";
  return { ok: false, code: "invalid", error: message, fields: { extension: message } };
}

/** The call, if the viewer may control calls and it is one of their organization's; else why not. */
export async function locateControllableCall(db: DbClient, viewer: Actor, callId: string): Promise<ControllableCall | CallControlFailure> {
  if (!RULES.controlCalls.allows(viewer)) return { ok: false, code: "forbidden", error: RULES.controlCalls.denial };
  return (await findControllableCall({ db }, viewer, callId)) ?? { ok: false, code: "not_found", error: notFoundMessage("call") };
}

/**
 * Hang up or blind-transfer a call located with locateControllableCall, and record who asked for
 * what and how it went (the activity log shows it).
 */
export async function controlCallAs(
  deps: CallControlDeps,
  viewer: Actor,
  callId: string,
  call: ControllableCall,
  command: CallCommand
): Promise<CallControlOutcome> {
  const outcome = await performControl(deps, viewer, callId, call, command);
  await recordCallControl(deps.db, viewer, {
    callId,
    action: command.action,
    target: command.action === "transfer" ? command.extension : null,
    ok: outcome.ok,
    error: outcome.ok ? null : outcome.error
  });
  return outcome;
}

/**
 * Checks in the order a user can act on: is the call still live, is the target one of ours, is the
 * PBX connected — then asks the connector that owns the AMI session.
 */
async function performControl(deps: CallControlDeps, viewer: Actor, callId: string, call: ControllableCall, command: CallCommand): Promise<CallControlOutcome> {
  const extension = command.action === "transfer" ? command.extension : undefined;
  if (call.state === "ended") return CALL_CONTROL_ERRORS.callEnded;
  if (extension !== undefined) {
    const target = await checkTransferTarget(deps, viewer, extension);
    if (target !== "ok") {
      const error = target === "missing" ? `no such extension ${extension}` : `extension ${extension} is disabled`;
      return { ok: false, code: "no_such_extension", error, fields: { extension: error } };
    }
  }
  // Without a connected AMI session only an in-process simulator can act on the organization's calls.
  if (!deps.gateway.simulates?.(viewer.orgId)) {
    if (!(await isPbxConnected(deps, viewer))) return CALL_CONTROL_ERRORS.notConnected;
  }

  const result = await deps.gateway.control(
    viewer.orgId,
    extension === undefined ? { action: "hangup", pbxCallId: call.pbxCallId } : { action: "blind_transfer", pbxCallId: call.pbxCallId, exten: extension }
  );
  // Who did what to which call, whatever the outcome: call control acts on live conversations.
  getApiLogger().info(
    { userId: viewer.id, orgId: viewer.orgId, callId, action: command.action, extension, ok: result.ok, code: result.ok ? undefined : result.code },
    "call control"
  );
  if (!result.ok && result.code === "no_such_extension") return { ...result, fields: { extension: result.error } };
  return result;
}
