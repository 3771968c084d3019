"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { cannedReplyCreateSchema, cannedReplyUpdateSchema } from "@switchboard/contracts";
import { createCannedReply, deleteCannedReply, parseInput, updateCannedReply } from "@switchboard/db";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { toActionResult } from "@/server/action-result";
import { getRuntime } from "@/server/runtime";

// Each action re-checks the session and validates its input; the service applies the policy.

const cannedReplyId = z.uuid({ error: "canned reply id must be a valid id" });
const optionalVersion = z.number().int().min(1).optional();

export async function createCannedReplyAction(input: unknown) {
  const viewer = await requireViewer();
  const result = await toActionResult(async () => {
    const reply = await createCannedReply(getRuntime().services, viewer, parseInput(cannedReplyCreateSchema, input));
    return { id: reply.id, name: reply.name };
  });
  if (result.ok) revalidatePath("/tickets/canned-replies");
  return result;
}

export async function updateCannedReplyAction(id: string, input: unknown) {
  const viewer = await requireViewer();
  const result = await toActionResult(async () => {
    const reply = await updateCannedReply(getRuntime().services, viewer, parseInput(cannedReplyId, id), parseInput(cannedReplyUpdateSchema, input));
    return { id: reply.id, name: reply.name, version: reply.version };
  });
  if (result.ok) revalidatePath("/tickets/canned-replies");
  return result;
}

export async function deleteCannedReplyAction(id: string, version: unknown) {
  const viewer = await requireViewer();
  const result = await toActionResult(async () =>
    deleteCannedReply(getRuntime().services, viewer, parseInput(cannedReplyId, id), parseInput(optionalVersion, version))
  );
  if (result.ok) revalidatePath("/tickets/canned-replies");
  return result;
}
