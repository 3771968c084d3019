"use server";

import { requireViewer } from "@/features/auth/server/require-viewer";
import { getRuntime } from "@/server/runtime";
import { controlCallAs, type CallControlOutcome } from "../server/control-call";
import { getCallControlGateway } from "../server/gateway-registry";

// No revalidation: the call's new state reaches every console through the event pipeline.

async function run(callId: unknown, command: Parameters<typeof controlCallAs>[3]): Promise<CallControlOutcome> {
  const viewer = await requireViewer();
  try {
    return await controlCallAs({ db: getRuntime().db, gateway: getCallControlGateway() }, viewer, String(callId), command);
  } catch (error) {
    console.error("call control failed", error);
    return { ok: false, code: "refused", error: "Something went wrong. Please try again." };
  }
}

export async function hangUpCallAction(callId: string): Promise<CallControlOutcome> {
  return run(callId, { action: "hangup" });
}

export async function transferCallAction(callId: string, extension: string): Promise<CallControlOutcome> {
  return run(callId, { action: "transfer", extension });
}
