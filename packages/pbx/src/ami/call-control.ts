import { z } from "zod";
import type { CallTracker } from "../tracker/call-tracker";
import type { AmiClient } from "./ami-client";
import { AmiActionError } from "./ami-errors";

export const callControlRequestSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("hangup"), pbxCallId: z.string().min(1).max(128) }),
  z.strictObject({
    action: z.literal("blind_transfer"),
    pbxCallId: z.string().min(1).max(128),
    exten: z.string().regex(/^[0-9*#+]{1,32}$/, "extension must be digits"),
    context: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional()
  })
]);
export type CallControlRequest = z.infer<typeof callControlRequestSchema>;
export type CallControlResult = { ok: true; message: string } | { ok: false; error: string };

/**
 * Hangup: every real leg of the call is hung up. Blind transfer: the answering leg's bridge is
 * sent to the extension (AMI BlindTransfer), which moves the other party there — the same as the
 * agent pressing transfer on the phone. The PBX's own answer is passed back.
 */
export async function controlCall(client: AmiClient, tracker: CallTracker, input: CallControlRequest): Promise<CallControlResult> {
  const parsed = callControlRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? "invalid request" };
  const request = parsed.data;
  const legs = tracker.legsOf(request.pbxCallId);
  if (legs.length === 0) return { ok: false, error: "the call is not live on the PBX" };
  try {
    if (request.action === "hangup") {
      for (const leg of legs) await client.send("Hangup", { Channel: leg.name, Cause: "16" });
      return { ok: true, message: "Call hung up" };
    }
    const answering = legs.find((leg) => !leg.origin && leg.bridged) ?? legs.find((leg) => leg.bridged);
    if (!answering) return { ok: false, error: "the call is not answered, so it cannot be transferred" };
    const result = await client.send("BlindTransfer", { Channel: answering.name, Exten: request.exten, Context: request.context });
    return { ok: true, message: result.response.fields.message ?? "Transfer succeeded" };
  } catch (error) {
    return { ok: false, error: error instanceof AmiActionError ? `the PBX refused: ${error.message}` : "the PBX did not answer" };
  }
}
