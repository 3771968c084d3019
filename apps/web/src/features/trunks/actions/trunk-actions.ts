"use server";

import { RULES } from "@switchboard/auth";
import { trunkCreateSchema, trunkUpdateSchema } from "@switchboard/contracts";
import { createTrunk, deleteTrunk, enforce, parseId, parseInput, updateTrunk } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";
import { runViewerAction } from "@/server/viewer-action";

// Every action re-checks the session and parses its input; the services enforce the role policy
// (admins only). The rule is checked before the id, so a refusal never depends on it.

export async function createTrunkAction(input: unknown) {
  return runViewerAction("/trunks", async (viewer) => {
    const created = await createTrunk(getRuntime().services, viewer, parseInput(trunkCreateSchema, input));
    return { id: created.id, name: created.name };
  });
}

export async function updateTrunkAction(id: string, input: unknown) {
  return runViewerAction("/trunks", async (viewer) => {
    const data = parseInput(trunkUpdateSchema, input);
    enforce(RULES.manageTrunks, viewer);
    const updated = await updateTrunk(getRuntime().services, viewer, parseId(id, "trunk"), data);
    return { id: updated.id, name: updated.name, version: updated.version };
  });
}

export async function deleteTrunkAction(id: string) {
  return runViewerAction("/trunks", (viewer) => {
    enforce(RULES.manageTrunks, viewer);
    return deleteTrunk(getRuntime().services, viewer, parseId(id, "trunk"));
  });
}
