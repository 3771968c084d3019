"use server";

import { requireViewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import {
  controlCallAs,
  locateControllableCall,
  transferBodySchema,
  transferInputFailure,
  type CallCommand,
  type CallControlFailure,
  type CallControlOutcome
} from "../server/control-call";
import { getCallControlGateway } from "../server/gateway-registry";

// No revalidation: the call's new state reaches every console through the event pipeline.

/** Checks in the REST routes' order: may I, which call, is the input right; then the PBX is asked. */
async function run(callId: unknown, parseCommand: () => CallCommand | CallControlFailure): Promise<CallControlOutcome> {
  const viewer = await requireViewer();
  try {
    const db = getRuntime().db;
    const call = await locateControllableCall(db, viewer, String(callId));
    if ("ok" in call) return call;
    const command = parseCommand();
    if ("ok" in command) return command;
    return await controlCallAs({ db, gateway: getCallControlGateway() }, viewer, String(callId), call, command);
  } catch (error) {
    console.error("call control failed", error);
    return { ok: false, code: "refused", error: "Something went wrong. Please try again." };
  }
}

export async function hangUpCallAction(callId: string): Promise<CallControlOutcome> {
  return run(callId, () => ({ action: "hangup" }));
}

export async function transferCallAction(callId: string, extension: string): Promise<CallControlOutcome> {
  return run(callId, () => {
    const input = transferBodySchema.safeParse({ extension });
    return input.success ? { action: "transfer", extension: input.data.extension } : transferInputFailure(input.error);
  });
}
