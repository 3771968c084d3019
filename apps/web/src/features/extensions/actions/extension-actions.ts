"use server";

import { revalidatePath } from "next/cache";
import { extensionCreateSchema, extensionUpdateSchema } from "@switchboard/contracts";
import { createExtension, deleteExtension, parseInput, updateExtension } from "@switchboard/db";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { toActionResult } from "@/server/action-result";
import { getRuntime } from "@/server/runtime";

// Every action re-checks the session; the services enforce the role policy (admins and supervisors).

export async function createExtensionAction(input: unknown) {
  const viewer = await requireViewer();
  const result = await toActionResult(async () => {
    const data = parseInput(extensionCreateSchema, input);
    const created = await createExtension(getRuntime().services, viewer, data);
    return { id: created.id, number: created.number };
  });
  if (result.ok) revalidatePath("/extensions");
  return result;
}

export async function updateExtensionAction(id: string, input: unknown) {
  const viewer = await requireViewer();
  const result = await toActionResult(async () => {
    const data = parseInput(extensionUpdateSchema, input);
    const updated = await updateExtension(getRuntime().services, viewer, String(id), data);
    return { id: updated.id, number: updated.number };
  });
  if (result.ok) revalidatePath("/extensions");
  return result;
}

export async function deleteExtensionAction(id: string) {
  const viewer = await requireViewer();
  const result = await toActionResult(() => deleteExtension(getRuntime().services, viewer, String(id)));
  if (result.ok) revalidatePath("/extensions");
  return result;
}
