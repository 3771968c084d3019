"use server";

import { revalidatePath } from "next/cache";
import { RULES } from "@switchboard/auth";
import { pbxConnectionInputSchema } from "@switchboard/contracts";
import { enforce, parseInput } from "@switchboard/db";
import { rotatePbxWebhookSecret, savePbxConnection } from "@switchboard/pbx";
import { requireViewer } from "@/features/auth/server/require-viewer";
import { getCallControlGateway } from "@/features/call-control/server/gateway-registry";
import { toActionResult } from "@/server/action-result";
import { getRuntime } from "@/server/runtime";

/** Creates or changes the AMI connection (admins); the connector reconnects with it at once. */
export async function savePbxConnectionAction(input: unknown) {
  const viewer = await requireViewer();
  const result = await toActionResult(async () => {
    // The rule first: a refusal never depends on what was typed.
    enforce(RULES.managePbxIntegration, viewer);
    const saved = await savePbxConnection(getRuntime().services, viewer, parseInput(pbxConnectionInputSchema, input));
    return { id: saved.id, status: saved.status };
  });
  if (result.ok) {
    await getCallControlGateway().refresh();
    revalidatePath("/settings");
  }
  return result;
}

/** Creates the webhook integration or rotates its secret; the secret is in this answer only. */
export async function rotatePbxWebhookSecretAction() {
  const viewer = await requireViewer();
  const result = await toActionResult(() => rotatePbxWebhookSecret(getRuntime().services, viewer));
  if (result.ok) revalidatePath("/settings");
  return result;
}
