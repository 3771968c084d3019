"use server";

import { RULES } from "@switchboard/auth";
import { extensionCreateSchema, extensionUpdateSchema } from "@switchboard/contracts";
import { createExtension, deleteExtension, enforce, parseId, parseInput, updateExtension } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";
import { runViewerAction } from "@/server/viewer-action";

// Every action re-checks the session and parses its input; the services enforce the role policy
// (admins and supervisors). The rule is checked before the id, so a refusal never depends on it.

export async function createExtensionAction(input: unknown) {
  return runViewerAction("/extensions", async (viewer) => {
    const created = await createExtension(getRuntime().services, viewer, parseInput(extensionCreateSchema, input));
    return { id: created.id, number: created.number };
  });
}

export async function updateExtensionAction(id: string, input: unknown) {
  return runViewerAction("/extensions", async (viewer) => {
    const data = parseInput(extensionUpdateSchema, input);
    enforce(RULES.manageExtensions, viewer);
    const updated = await updateExtension(getRuntime().services, viewer, parseId(id, "extension"), data);
    return { id: updated.id, number: updated.number, version: updated.version };
  });
}

export async function deleteExtensionAction(id: string) {
  return runViewerAction("/extensions", (viewer) => {
    enforce(RULES.manageExtensions, viewer);
    return deleteExtension(getRuntime().services, viewer, parseId(id, "extension"));
  });
}
