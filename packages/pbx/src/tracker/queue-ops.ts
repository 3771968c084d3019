import { z } from "zod";
import { agentActivitySchema, queueCallerOutcomeSchema } from "@switchboard/contracts";
import { partySchema } from "./call-ops";

/**
 * Queue operations: what every ingestion path (AMI, signed webhooks, simulator, and the console
 * itself when no PBX controls queues) reduces queue activity to. Queues are named as the PBX names
 * them; an agent is named by extension number, SIP username or PBX interface (PJSIP/102).
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const at = z.coerce.date();
const queue = text(64);
const agent = text(128);
/** The caller's channel on the PBX (Asterisk: Uniqueid): one stay in one queue. */
const channelId = text(128);
const seconds = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 3600);

export const queueOpSchema = z.discriminatedUnion("op", [
  z.strictObject({
    op: z.literal("queue_caller_join"),
    at,
    queue,
    channelId,
    /** The PBX's id of the whole call (Asterisk: Linkedid). */
    callId: text(128).nullish(),
    from: partySchema,
    position: z.number().int().min(1).max(100_000).optional()
  }),
  z.strictObject({
    op: z.literal("queue_caller_leave"),
    at,
    queue,
    channelId,
    outcome: queueCallerOutcomeSchema,
    /** Who answered, when the source knows at once. */
    agent: agent.optional(),
    /** The PBX's own count of the wait; otherwise from the join time. */
    waitSeconds: seconds.optional()
  }),
  /** The queue rings the agent for a caller (AgentCalled). */
  z.strictObject({ op: z.literal("agent_ring"), at, queue, agent, channelId: channelId.optional() }),
  /** The agent did not answer in time (AgentRingNoAnswer). */
  z.strictObject({ op: z.literal("agent_ring_no_answer"), at, queue, agent, channelId: channelId.optional() }),
  /** The agent answered and is bridged to the caller (AgentConnect). */
  z.strictObject({ op: z.literal("agent_connect"), at, queue, agent, channelId: channelId.optional(), waitSeconds: seconds.optional() }),
  /**
   * The queue call is over (AgentComplete); the agent wraps up. `dumped`: the agent hung up on the
   * caller before talking (AgentDump), which is no completed call and has no wrap-up.
   */
  z.strictObject({
    op: z.literal("agent_complete"),
    at,
    queue,
    agent,
    channelId: channelId.optional(),
    talkSeconds: seconds.optional(),
    dumped: z.boolean().optional()
  }),
  /**
   * What the PBX says of a member: signed in or out, paused (with a reason) or not, what the phone
   * does. Without `queue`, every queue the agent is a member of.
   */
  z.strictObject({
    op: z.literal("member_status"),
    at,
    queue: queue.optional(),
    agent,
    loggedIn: z.boolean().optional(),
    paused: z.boolean().optional(),
    pauseReason: z.string().trim().max(64).nullish(),
    activity: agentActivitySchema.optional(),
    penalty: z.number().int().min(0).max(1000).optional(),
    wrapUpSeconds: seconds.nullish(),
    ringInUse: z.boolean().optional(),
    callsTaken: z.number().int().min(0).optional(),
    lastCallAt: z.coerce.date().nullish()
  })
]);
export type QueueOp = z.infer<typeof queueOpSchema>;
export type MemberStatusOp = Extract<QueueOp, { op: "member_status" }>;

export function isQueueOp(op: { op: string }): op is QueueOp {
  return op.op.startsWith("queue_") || op.op.startsWith("agent_") || op.op === "member_status";
}

/** "PJSIP/102", "SIP/102", "Local/102@from-queue/n" or "102" → "102": how an interface names its extension. */
export function interfaceResource(iface: string): string {
  const withoutTech = iface.includes("/") ? iface.slice(iface.indexOf("/") + 1) : iface;
  return withoutTech.split("@")[0]?.split("/")[0]?.trim() ?? "";
}
