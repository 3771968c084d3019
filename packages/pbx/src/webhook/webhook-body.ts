import { z } from "zod";
import { callDirectionSchema, callResultSchema, deviceStateSchema, registrationStateSchema, trunkRegistrationSchema } from "@switchboard/contracts";
import type { CallOp, StatusOp } from "../tracker/call-ops";

const text = (max: number) => z.string().trim().min(1, "is required").max(max, `must be at most ${max} characters`);
const party = z.strictObject({ number: text(64), name: z.string().trim().max(128).nullish() });
const callId = text(128);

const event = <T extends string, D extends z.ZodRawShape>(type: T, data: D) =>
  z.strictObject({
    /** The PBX's id of this event: deliveries are idempotent by it. */
    id: text(128),
    type: z.literal(type),
    occurredAt: z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time" }),
    data: z.strictObject(data)
  });

/**
 * The body a PBX posts: one event, in the same vocabulary as the consoles' events. Each maps to
 * one tracker operation, so webhook calls behave exactly like AMI-tracked ones.
 */
export const webhookEventSchema = z.discriminatedUnion("type", [
  event("call.started", {
    callId,
    direction: callDirectionSchema,
    from: party,
    to: party,
    did: z.string().trim().max(64).nullish(),
    trunk: z.string().trim().max(64).nullish(),
    queue: z.string().trim().max(64).nullish()
  }),
  event("call.ringing", { callId, target: party }),
  event("call.answered", { callId, by: party.optional() }),
  event("call.held", { callId, by: party.optional() }),
  event("call.resumed", { callId }),
  event("call.transferred", { callId, kind: z.enum(["blind", "attended"]), to: party, by: party.optional() }),
  event("call.ended", {
    callId,
    cause: z.string().trim().max(128).nullish(),
    causeCode: z.number().int().min(0).max(1000).nullish(),
    hungUpBy: z.string().trim().max(64).nullish(),
    result: callResultSchema.optional()
  }),
  event("extension.status", {
    extension: text(64),
    registration: registrationStateSchema.optional(),
    contact: z.string().trim().max(512).nullish(),
    userAgent: z.string().trim().max(256).nullish(),
    deviceState: deviceStateSchema.exclude(["dnd"]).optional(),
    dnd: z.boolean().optional()
  }),
  event("trunk.status", { trunk: text(64), registration: trunkRegistrationSchema, detail: z.string().trim().max(256).nullish() })
]);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

export function toOperation(body: WebhookEvent): CallOp | StatusOp {
  const at = new Date(body.occurredAt);
  switch (body.type) {
    case "call.started":
      return { op: "start", at, ...body.data };
    case "call.ringing":
      return { op: "ring", at, ...body.data };
    case "call.answered":
      return { op: "answer", at, ...body.data };
    case "call.held":
      return { op: "hold", at, ...body.data };
    case "call.resumed":
      return { op: "resume", at, ...body.data };
    case "call.transferred":
      return { op: "transfer", at, ...body.data };
    case "call.ended":
      return { op: "end", at, ...body.data };
    case "extension.status":
      return { op: "extension_status", at, ...body.data };
    case "trunk.status":
      return { op: "trunk_status", at, ...body.data };
  }
}
