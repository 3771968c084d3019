import "server-only";
import { canControlCalls } from "@switchboard/auth";
import type { Role } from "@switchboard/contracts";
import { CALL_CONTROL_DENIED, findControllableCall, isPbxConnected, isTransferTarget, type ControllableCall, type DbClient } from "@switchboard/db";
import { CALL_CONTROL_ERRORS, extensionNumberSchema, type CallControlErrorCode, type CallControlGateway } from "@switchboard/pbx";
import { getApiLogger } from "@/features/api/logger";

export type CallCommand = { action: "hangup" } | { action: "transfer"; extension: unknown };

/** What a console or API client is told. `code` decides the HTTP status; `error` is shown as is. */
export type CallControlOutcome =
  { ok: true; message: string } | { ok: false; code: CallControlErrorCode | "forbidden" | "not_found"; error: string; fields?: Record<string, string> };

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

export { CALL_CONTROL_DENIED } from "@switchboard/db";

type Failure = Extract<CallControlOutcome, { ok: false }>;

/** The call, if the viewer may control calls and it is one of their organization's; else why not. */
export async function locateControllableCall(db: DbClient, viewer: Actor, callId: string): Promise<ControllableCall | Failure> {
  if (!canControlCalls(viewer)) return { ok: false, code: "forbidden", error: CALL_CONTROL_DENIED };
  return (await findControllableCall({ db }, viewer, callId)) ?? { ok: false, code: "not_found", error: "call not found" };
}

/**
 * Hang up or blind-transfer one of the viewer's organization's calls. Checks in the order a user
 * can act on: may I (policy), which call (never another organization's), is the input right, is
 * the call still live, is the PBX connected — then asks the connector that owns the AMI session.
 */
export async function controlCallAs(deps: CallControlDeps, viewer: Actor, callId: string, command: CallCommand): Promise<CallControlOutcome> {
  const call = await locateControllableCall(deps.db, viewer, callId);
  if ("ok" in call) return call;

  let extension: string | undefined;
  if (command.action === "transfer") {
    const parsed = extensionNumberSchema.safeParse(command.extension);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? "extension is invalid";
      return { ok: false, code: "invalid", error: message, fields: { extension: message } };
    }
    extension = parsed.data;
  }
  if (call.state === "ended") return CALL_CONTROL_ERRORS.callEnded;
  if (extension !== undefined) {
    if (!(await isTransferTarget(deps, viewer, extension)))
      return { ok: false, code: "no_such_extension", error: `no such extension ${extension}`, fields: { extension: `no such extension ${extension}` } };
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
