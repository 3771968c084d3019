"use server";

import { revalidatePath } from "next/cache";
import { trunkCreateSchema, trunkUpdateSchema } from "@switchboard/contracts";
import { createTrunk, deleteTrunk, parseInput, updateTrunk } from "@switchboard/db";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { toActionResult } from "@/server/action-result";
import { getRuntime } from "@/server/runtime";

// Every action re-checks the session; the services enforce the role policy (admins only).

export async function createTrunkAction(input: unknown) {
  const viewer = await requireViewer();
  const result = await toActionResult(async () => {
    const data = parseInput(trunkCreateSchema, input);
    const created = await createTrunk(getRuntime().services, viewer, data);
    return { id: created.id, name: created.name };
  });
  if (result.ok) revalidatePath("/trunks");
  return result;
}

export async function updateTrunkAction(id: string, input: unknown) {
  const viewer = await requireViewer();
  const result = await toActionResult(async () => {
    const data = parseInput(trunkUpdateSchema, input);
    const updated = await updateTrunk(getRuntime().services, viewer, String(id), data);
    return { id: updated.id, name: updated.name };
  });
  if (result.ok) revalidatePath("/trunks");
  return result;
}

export async function deleteTrunkAction(id: string) {
  const viewer = await requireViewer();
  const result = await toActionResult(() => deleteTrunk(getRuntime().services, viewer, String(id)));
  if (result.ok) revalidatePath("/trunks");
  return result;
}
