"use server";

import { trunkCreateSchema, trunkUpdateSchema } from "@switchboard/contracts";
import { createTrunk, deleteTrunk, parseInput, updateTrunk } from "@switchboard/db";
import { getRuntime } from "@/server/runtime";
import { runViewerAction } from "@/server/viewer-action";

// Every action re-checks the session; the services enforce the role policy (admins only).

export async function createTrunkAction(input: unknown) {
  return runViewerAction("/trunks", async (viewer) => {
    const created = await createTrunk(getRuntime().services, viewer, parseInput(trunkCreateSchema, input));
    return { id: created.id, name: created.name };
  });
}

export async function updateTrunkAction(id: string, input: unknown) {
  return runViewerAction("/trunks", async (viewer) => {
    const updated = await updateTrunk(getRuntime().services, viewer, String(id), parseInput(trunkUpdateSchema, input));
    return { id: updated.id, name: updated.name };
  });
}

export async function deleteTrunkAction(id: string) {
  return runViewerAction("/trunks", (viewer) => deleteTrunk(getRuntime().services, viewer, String(id)));
}
