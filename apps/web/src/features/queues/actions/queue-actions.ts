"use server";

import { RULES } from "@switchboard/auth";
import { pauseReasonCreateSchema, queueCreateSchema, queueUpdateSchema } from "@switchboard/contracts";
import { createPauseReason, createQueue, deletePauseReason, enforce, parseId, parseInput } from "@switchboard/db";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { getCallControlGateway } from "@/features/call-control/server/gateway-registry";
import { toActionResult } from "@/server/action-result";
import { getRuntime } from "@/server/runtime";
import { runViewerAction } from "@/server/viewer-action";
import { loadWallboard } from "../server/load-wallboard";
import { deleteQueueAs, updateQueueAs, type QueueAdminDeps } from "../server/save-queue";

const queueAdminDeps = (): QueueAdminDeps => ({ db: getRuntime().db, gateway: getCallControlGateway() });

// Every action re-checks the session and parses its input; the services enforce the policy
// (admins manage queues). The rule is checked before the id, so a refusal never depends on it.

export async function createQueueAction(input: unknown) {
  return runViewerAction("/queues", async (viewer) => {
    const created = await createQueue(getRuntime().services, viewer, parseInput(queueCreateSchema, input));
    return { id: created.id, name: created.name };
  });
}

export async function updateQueueAction(id: string, input: unknown) {
  return runViewerAction("/queues", async (viewer) => {
    const data = parseInput(queueUpdateSchema, input);
    enforce(RULES.manageQueues, viewer);
    const { queue, warning } = await updateQueueAs(queueAdminDeps(), viewer, parseId(id, "queue"), data);
    return { id: queue.id, name: queue.name, version: queue.version, ...(warning ? { warning } : {}) };
  });
}

export async function deleteQueueAction(id: string) {
  return runViewerAction("/queues", (viewer) => {
    enforce(RULES.manageQueues, viewer);
    return deleteQueueAs(queueAdminDeps(), viewer, parseId(id, "queue"));
  });
}

export async function createPauseReasonAction(input: unknown) {
  return runViewerAction("/queues", (viewer) => createPauseReason(getRuntime().services, viewer, parseInput(pauseReasonCreateSchema, input)));
}

export async function deletePauseReasonAction(id: string) {
  return runViewerAction("/queues", (viewer) => {
    enforce(RULES.manageQueues, viewer);
    return deletePauseReason(getRuntime().services, viewer, parseId(id, "pause reason"));
  });
}

/** A fresh wallboard, for one that saw the PBX resync its queues (or its day end). */
export async function refreshWallboardAction() {
  const viewer = await requireViewer();
  return toActionResult(async () => {
    enforce(RULES.readQueues, viewer);
    return loadWallboard(viewer);
  });
}
