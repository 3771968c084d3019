import { z } from "zod";
import { dialContextSchema } from "@switchboard/contracts";
import type { CallTracker } from "../tracker/call-tracker";
import type { AmiClient } from "./ami-client";
import { AmiActionError } from "./ami-errors";

export const extensionNumberSchema = z
  .string({ error: "extension is required" })
  .trim()
  .min(1, "extension is required")
  .regex(/^[0-9*#+]{1,32}$/, "extension must be 1–32 digits (0-9 * # +)");

const queueName = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, "queue must be a PBX queue name");
const memberInterface = z.string().regex(/^[A-Za-z0-9_.@/-]{1,128}$/, "interface must look like PJSIP/102");
/** Who asked, so the change the PBX then reports is recorded as theirs. */
const actorSchema = z.strictObject({ id: z.string().min(1).max(64), name: z.string().max(200) }).optional();
const queueReason = z
  .string()
  .regex(/^[^\r\n|,]{1,64}$/, "reason must be a single line")
  .optional();

/** What a console may ask of the PBX: hang up or transfer a call, sign an agent in or out of a queue, pause or resume them. */
export const callControlRequestSchema = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("hangup"), pbxCallId: z.string().min(1).max(128) }),
  z.strictObject({
    action: z.literal("blind_transfer"),
    pbxCallId: z.string().min(1).max(128),
    exten: extensionNumberSchema,
    context: dialContextSchema.optional()
  }),
  z.strictObject({
    action: z.literal("queue_add"),
    queue: queueName,
    interface: memberInterface,
    penalty: z.number().int().min(0).max(1000),
    memberName: z.string().max(128).optional(),
    actor: actorSchema
  }),
  z.strictObject({ action: z.literal("queue_remove"), queue: queueName, interface: memberInterface, actor: actorSchema }),
  z.strictObject({
    action: z.literal("queue_pause"),
    /** Without a queue: every queue the member is in (Asterisk's QueuePause). */
    queue: queueName.optional(),
    interface: memberInterface,
    paused: z.boolean(),
    reason: queueReason,
    actor: actorSchema
  })
]);
export type CallControlRequest = z.infer<typeof callControlRequestSchema>;
export type QueueControlRequest = Extract<CallControlRequest, { action: "queue_add" | "queue_remove" | "queue_pause" }>;

export function isQueueControl(request: CallControlRequest): request is QueueControlRequest {
  return request.action.startsWith("queue_");
}

/** Why a call-control action failed; the HTTP layer maps each to a status. */
export type CallControlErrorCode = "invalid" | "not_connected" | "call_ended" | "not_answered" | "no_such_extension" | "refused" | "timeout";
export type CallControlResult = { ok: true; message: string } | { ok: false; code: CallControlErrorCode; error: string };

/** The wording consoles and API clients see, one per failure. */
export const CALL_CONTROL_ERRORS = {
  notConnected: { ok: false, code: "not_connected", error: "PBX not connected" },
  callEnded: { ok: false, code: "call_ended", error: "call already ended" },
  notAnswered: { ok: false, code: "not_answered", error: "the call has no caller leg to redirect yet, so it cannot be transferred" },
  timeout: { ok: false, code: "timeout", error: "the PBX did not answer in time" }
} as const satisfies Record<string, CallControlResult>;

function noSuchExtension(exten: string): CallControlResult {
  return { ok: false, code: "no_such_extension", error: `no such extension ${exten}` };
}

/**
 * Hangup: every real leg of the call is hung up. Blind transfer: the answering leg's bridge is
 * sent to the extension (AMI BlindTransfer), which moves the other party there — the same as the
 * agent pressing transfer on the phone; an unanswered call's caller is redirected there instead. The target must be one of the organization's extensions:
 * Asterisk accepts a BlindTransfer to any number and only fails later, on the call. The PBX's own
 * answer is passed back.
 */
export async function controlCall(client: AmiClient, tracker: CallTracker, input: CallControlRequest): Promise<CallControlResult> {
  const parsed = callControlRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid", error: parsed.error.issues[0]?.message ?? "invalid request" };
  const request = parsed.data;
  if (isQueueControl(request)) return controlQueue(client, tracker, request);
  const legs = tracker.legsOf(request.pbxCallId);
  if (legs.length === 0) return CALL_CONTROL_ERRORS.callEnded;
  try {
    if (request.action === "hangup") {
      for (const leg of legs) await client.send("Hangup", { Channel: leg.name, Cause: "16" });
      return { ok: true, message: "Call hung up" };
    }
    if (!(await tracker.directory.extension(request.exten))) return noSuchExtension(request.exten);
    const answering = legs.find((leg) => !leg.origin && leg.bridged) ?? legs.find((leg) => leg.bridged);
    if (answering) {
      const result = await client.send("BlindTransfer", { Channel: answering.name, Exten: request.exten, Context: request.context });
      return { ok: true, message: result.response.fields.message ?? "Transfer succeeded" };
    }
    return await redirectCaller(client, legs, request.exten, request.context);
  } catch (error) {
    return pbxFailure(error);
  }
}

/**
 * A call nobody answered yet (ringing, or waiting to be picked up): the caller's channel is sent
 * to the extension (AMI Redirect), which ends the ringing and rings the target instead. The
 * caller's own context is the trunk's inbound one, which need not reach extensions, so the
 * ringing callee's context is used — where the PBX itself dialled an extension from.
 */
async function redirectCaller(
  client: AmiClient,
  legs: ReturnType<CallTracker["legsOf"]>,
  exten: string,
  context: string | undefined
): Promise<CallControlResult> {
  const caller = legs.find((leg) => leg.origin);
  if (!caller) return CALL_CONTROL_ERRORS.notAnswered;
  const target = context ?? legs.find((leg) => !leg.origin && leg.context)?.context ?? caller.context;
  const result = await client.send("Redirect", { Channel: caller.name, Exten: exten, Context: target, Priority: "1" });
  return { ok: true, message: result.response.fields.message ?? "Redirect successful" };
}

/** A failed AMI action as a console is told of it. */
function pbxFailure(error: unknown): CallControlResult {
  if (!(error instanceof AmiActionError)) return { ok: false, code: "refused", error: "the PBX did not accept the action" };
  if (/got no answer/.test(error.message)) return CALL_CONTROL_ERRORS.timeout;
  if (/not connected|connection to the PBX closed/.test(error.message)) return CALL_CONTROL_ERRORS.notConnected;
  return { ok: false, code: "refused", error: `the PBX refused: ${error.message}` };
}

/**
 * QueueAdd, QueueRemove and QueuePause (apps/app_queue.c). The PBX's answer is passed back; the
 * member's new state is recorded only when the PBX reports it (QueueMemberAdded / Removed / Pause),
 * as the asker's change.
 */
async function controlQueue(client: AmiClient, tracker: CallTracker, request: QueueControlRequest): Promise<CallControlResult> {
  if (request.actor) await tracker.expectChange(request.interface, request.queue, request.actor);
  try {
    const result =
      request.action === "queue_add"
        ? await client.send("QueueAdd", {
            Queue: request.queue,
            Interface: request.interface,
            Penalty: String(request.penalty),
            MemberName: request.memberName,
            Paused: "false"
          })
        : request.action === "queue_remove"
          ? await client.send("QueueRemove", { Queue: request.queue, Interface: request.interface })
          : await client.send("QueuePause", {
              Interface: request.interface,
              Queue: request.queue,
              Paused: request.paused ? "true" : "false",
              Reason: request.paused ? request.reason : undefined
            });
    return { ok: true, message: result.response.fields.message ?? "Done" };
  } catch (error) {
    return pbxFailure(error);
  }
}
