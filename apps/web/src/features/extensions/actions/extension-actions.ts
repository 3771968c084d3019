"use server";

import { extensionCreateSchema, extensionUpdateSchema } from "@switchboard/contracts";
import { createExtension, deleteExtension, parseInput, updateExtension } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";
import { runViewerAction } from "@/server/viewer-action";

// Every action re-checks the session; the services enforce the role policy (admins and supervisors).

export async function createExtensionAction(input: unknown) {
  return runViewerAction("/extensions", async (viewer) => {
    const created = await createExtension(getRuntime().services, viewer, parseInput(extensionCreateSchema, input));
    return { id: created.id, number: created.number };
  });
}

export async function updateExtensionAction(id: string, input: unknown) {
  return runViewerAction("/extensions", async (viewer) => {
    const updated = await updateExtension(getRuntime().services, viewer, String(id), parseInput(extensionUpdateSchema, input));
    return { id: updated.id, number: updated.number };
  });
}

export async function deleteExtensionAction(id: string) {
  return runViewerAction("/extensions", (viewer) => deleteExtension(getRuntime().services, viewer, String(id)));
}
