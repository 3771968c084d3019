"use server";

import { revalidatePath } from "next/cache";
import { apiTokenCreateSchema, createApiToken, parseInput, revokeApiToken } from "@switchboard/db";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { toActionResult } from "@/server/action-result";
import { getRuntime } from "@/server/runtime";

/** Creates an API token for the signed-in user; the plain token is in this response only. */
export async function createApiTokenAction(input: unknown) {
  const viewer = await requireViewer();
  const result = await toActionResult(async () => {
    const data = parseInput(apiTokenCreateSchema, input);
    const { token, view } = await createApiToken(getRuntime().db, viewer, data);
    return { token, name: view.name };
  });
  if (result.ok) revalidatePath("/settings");
  return result;
}

export async function revokeApiTokenAction(id: string) {
  const viewer = await requireViewer();
  const result = await toActionResult(() => revokeApiToken(getRuntime().db, viewer, String(id)));
  if (result.ok) revalidatePath("/settings");
  return result;
}
