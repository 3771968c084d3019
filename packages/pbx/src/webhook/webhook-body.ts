import { z } from "zod";
import {
  agentActivitySchema,
  callDirectionSchema,
  callResultSchema,
  deviceStateSchema,
  registrationStateSchema,
  trunkRegistrationSchema
} from "@switchboard/contracts";
import type { CallOp, StatusOp } from "../tracker/call-ops";
import type { QueueOp } from "../tracker/queue-ops";

// PostgreSQL text cannot hold NUL: refused here, it is a 400 naming the field instead of a failed write.
const str = () =>
  z
    .string()
    .refine((v) => !v.includes("\u0000"), "must not contain NUL characters")
    .trim();
const text = (max: number) => str().min(1, "is required").max(max, `must be at most ${max} characters`);
const party = z.strictObject({ number: text(64), name: str().max(128).nullish() });
const callId = text(128);
const queue = text(64);
/** An agent: extension number, SIP username or PBX interface (PJSIP/102). */
const agent = text(128);
/** The caller's stay in the queue (Asterisk: the channel's Uniqueid). */
const callerId = text(128);
const seconds = z
  .number()
  .int("must be whole seconds")
  .min(0, "must not be negative")
  .max(7 * 24 * 3600, "must be at most a week");

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
    did: str().max(64).nullish(),
    trunk: str().max(64).nullish(),
    queue: str().max(64).nullish()
  }),
  event("call.ringing", { callId, target: party }),
  event("call.answered", { callId, by: party.optional() }),
  event("call.held", { callId, by: party.optional() }),
  event("call.resumed", { callId }),
  event("call.transferred", { callId, kind: z.enum(["blind", "attended"]), to: party, by: party.optional() }),
  event("call.ended", {
    callId,
    cause: str().max(128).nullish(),
    causeCode: z.number().int().min(0).max(1000).nullish(),
    hungUpBy: str().max(64).nullish(),
    result: callResultSchema.optional()
  }),
  event("extension.status", {
    extension: text(64),
    registration: registrationStateSchema.optional(),
    contact: str().max(512).nullish(),
    userAgent: str().max(256).nullish(),
    deviceState: deviceStateSchema.exclude(["dnd"]).optional(),
    dnd: z.boolean().optional()
  }),
  event("trunk.status", { trunk: text(64), registration: trunkRegistrationSchema, detail: str().max(256).nullish() }),
  event("queue.caller_joined", { queue, callerId, callId: callId.nullish(), from: party, position: z.number().int().min(1).max(100_000).optional() }),
  event("queue.caller_left", { queue, callerId, outcome: z.enum(["answered", "left"]), agent: agent.optional(), waitSeconds: seconds.optional() }),
  event("queue.caller_abandoned", { queue, callerId, waitSeconds: seconds.optional() }),
  /** A member's state; without `queue`, in every queue the agent is a member of. */
  event("agent.status", {
    agent,
    queue: queue.optional(),
    loggedIn: z.boolean().optional(),
    paused: z.boolean().optional(),
    reason: str().max(64).nullish(),
    activity: agentActivitySchema.optional(),
    penalty: z.number().int().min(0).max(1000).optional()
  }),
  /** A queue call the agent finished: they wrap up for the queue's wrap-up time. */
  event("agent.call_completed", { agent, queue, callerId: callerId.optional(), talkSeconds: seconds.optional() })
]);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

export function toOperation(body: WebhookEvent): CallOp | StatusOp | QueueOp {
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
    case "queue.caller_joined": {
      const { callerId: channelId, ...rest } = body.data;
      return { op: "queue_caller_join", at, channelId, ...rest };
    }
    case "queue.caller_left": {
      const { callerId: channelId, ...rest } = body.data;
      return { op: "queue_caller_leave", at, channelId, ...rest };
    }
    case "queue.caller_abandoned": {
      const { callerId: channelId, ...rest } = body.data;
      return { op: "queue_caller_leave", at, channelId, outcome: "abandoned", ...rest };
    }
    case "agent.status": {
      const { reason, ...rest } = body.data;
      return { op: "member_status", at, ...rest, ...(reason !== undefined ? { pauseReason: reason } : {}) };
    }
    case "agent.call_completed": {
      const { callerId: channelId, ...rest } = body.data;
      return { op: "agent_complete", at, ...rest, ...(channelId ? { channelId } : {}) };
    }
  }
}
