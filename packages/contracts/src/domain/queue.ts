import { z } from "zod";
import { text } from "./text";

/** Asterisk's queue strategies (queues.conf `strategy`), as the PBX reports them. */
export const QUEUE_STRATEGIES = ["ringall", "leastrecent", "fewestcalls", "random", "rrmemory", "rrordered", "linear", "wrandom"] as const;
const queueStrategySchema = z.enum(QUEUE_STRATEGIES, { error: `strategy must be one of: ${QUEUE_STRATEGIES.join(", ")}` });
export type QueueStrategy = z.infer<typeof queueStrategySchema>;

/**
 * What an agent (a queue member) is doing, as a wallboard shows it. `unavailable`: signed in, but
 * the phone is unreachable, so the queue cannot ring it.
 */
const AGENT_STATES = ["logged_out", "available", "ringing", "on_call", "wrap_up", "paused", "unavailable"] as const;
const agentStateSchema = z.enum(AGENT_STATES);
export type AgentState = z.infer<typeof agentStateSchema>;

/** What the member's phone is doing, apart from sign-in and pause (device state and queue calls). */
const AGENT_ACTIVITIES = ["idle", "ringing", "on_call", "unavailable"] as const;
export const agentActivitySchema = z.enum(AGENT_ACTIVITIES);
export type AgentActivity = z.infer<typeof agentActivitySchema>;

/**
 * How a caller left the queue: answered by an agent, abandoned (hung up or timed out waiting, as
 * Asterisk counts it), or left otherwise (pressed a key, the queue emptied, unknown after a resync).
 */
const QUEUE_CALLER_OUTCOMES = ["answered", "abandoned", "left"] as const;
export const queueCallerOutcomeSchema = z.enum(QUEUE_CALLER_OUTCOMES);
export type QueueCallerOutcome = z.infer<typeof queueCallerOutcomeSchema>;

export interface AgentStateInputs {
  loggedIn: boolean;
  paused: boolean;
  activity: AgentActivity;
  /** End of the wrap-up after the member's last queue call, if it had one. */
  wrapUpUntil: Date | null;
}

/**
 * The one state an agent is shown in, from what is known of them at `at`: signed out first, then
 * what the phone does (a paused agent may still take a direct call), then pause, then wrap-up.
 */
export function deriveAgentState(inputs: AgentStateInputs, at: Date): AgentState {
  if (!inputs.loggedIn) return "logged_out";
  if (inputs.activity === "on_call") return "on_call";
  if (inputs.activity === "ringing") return "ringing";
  if (inputs.paused) return "paused";
  if (inputs.wrapUpUntil && inputs.wrapUpUntil.getTime() > at.getTime()) return "wrap_up";
  if (inputs.activity === "unavailable") return "unavailable";
  return "available";
}

const isoDate = text();

/** A queue member: one agent (an extension) in one queue, with their penalty and live state. */
export const queueMemberViewSchema = z.object({
  id: text(),
  queueId: text(),
  extensionId: text(),
  extensionNumber: text(),
  agentName: text(),
  /** The user the extension belongs to (the agent who may change this state themselves). */
  userId: text().nullable(),
  /** How the PBX names the member (e.g. PJSIP/102). */
  interface: text(),
  penalty: z.number().int(),
  loggedIn: z.boolean(),
  paused: z.boolean(),
  pauseReason: text().nullable(),
  activity: agentActivitySchema,
  wrapUpUntil: isoDate.nullable(),
  /** The state when it was written; `agentStateAt` also ends a wrap-up whose time has run out. */
  state: agentStateSchema,
  stateSince: isoDate,
  callsTaken: z.number().int(),
  lastCallAt: isoDate.nullable(),
  updatedAt: isoDate
});
export type QueueMemberView = z.infer<typeof queueMemberViewSchema>;

/** The agent's state at `now` (ms): a wrap-up ends on its own when its time is up. */
export function agentStateAt(
  member: Pick<QueueMemberView, "state" | "stateSince" | "wrapUpUntil" | "activity">,
  now: number
): { state: AgentState; since: string } {
  if (member.state === "wrap_up" && member.wrapUpUntil && Date.parse(member.wrapUpUntil) <= now) {
    return { state: member.activity === "unavailable" ? "unavailable" : "available", since: member.wrapUpUntil };
  }
  return { state: member.state, since: member.stateSince };
}

export const queueViewSchema = z.object({
  id: text(),
  /** The PBX's name of the queue (Asterisk: the section in queues.conf). */
  name: text(),
  /** The number callers dial to reach it, if it has one. */
  number: text().nullable(),
  strategy: queueStrategySchema,
  /** A caller answered within this many seconds counts as within the service level. */
  serviceLevelSeconds: z.number().int(),
  /** The share of calls (%) that should be answered within the service level. */
  serviceLevelTarget: z.number().int(),
  /** Time after a queue call before an agent is rung again. */
  wrapUpSeconds: z.number().int(),
  version: z.number().int(),
  /** When the PBX last re-read this queue (a connect or reconnect); consoles re-read their figures then. */
  resyncedAt: isoDate.nullable(),
  members: z.array(queueMemberViewSchema),
  updatedAt: isoDate
});
export type QueueView = z.infer<typeof queueViewSchema>;

/** A caller in a queue: waiting (leftAt null) or, once they left, how it ended. */
export const queueCallerViewSchema = z.object({
  id: text(),
  queueId: text(),
  /** The PBX's id of the call (Asterisk's Linkedid), when known. */
  pbxCallId: text().nullable(),
  callerNumber: text(),
  callerName: text().nullable(),
  /** 1 is next to be answered. */
  position: z.number().int(),
  joinedAt: isoDate,
  leftAt: isoDate.nullable(),
  outcome: queueCallerOutcomeSchema.nullable(),
  waitSeconds: z.number().int().nullable(),
  /** Answered within the queue's service level (false for abandons; null while waiting or when it left otherwise). */
  withinServiceLevel: z.boolean().nullable(),
  answeredByExtensionId: text().nullable()
});
export type QueueCallerView = z.infer<typeof queueCallerViewSchema>;

/**
 * A queue's outcomes over one interval (a day of the organization, or 15 minutes): offered counts
 * callers who joined in it; answered and abandoned those who left in it.
 */
export const queueIntervalViewSchema = z.object({
  queueId: text(),
  startsAt: isoDate,
  offered: z.number().int(),
  answered: z.number().int(),
  abandoned: z.number().int(),
  answeredWithinSl: z.number().int(),
  /** Sum of the waits of answered callers (average wait = this / answered). */
  answeredWaitSeconds: z.number().int(),
  abandonedWaitSeconds: z.number().int(),
  /** Sum of talk time of completed queue calls (average talk = this / completed). */
  talkSeconds: z.number().int(),
  completed: z.number().int()
});
export type QueueIntervalView = z.infer<typeof queueIntervalViewSchema>;

/**
 * Service level: callers answered within the threshold, out of those who were answered or gave up.
 * Null when nobody has finished waiting yet.
 */
export function serviceLevelPercent(interval: Pick<QueueIntervalView, "answered" | "abandoned" | "answeredWithinSl">): number | null {
  const finished = interval.answered + interval.abandoned;
  return finished === 0 ? null : Math.round((interval.answeredWithinSl / finished) * 1000) / 10;
}

export const pauseReasonViewSchema = z.object({ id: text(), label: text() });
export type PauseReasonView = z.infer<typeof pauseReasonViewSchema>;

const PAUSE_REASON_MAX = 40;
const pauseReasonLabel = text({ error: "reason is required" })
  .trim()
  .min(1, "reason is required")
  .max(PAUSE_REASON_MAX, `reason must be at most ${PAUSE_REASON_MAX} characters`)
  .regex(/^[^\r\n|,]+$/, "reason must not contain line breaks, | or ,");

export const pauseReasonCreateSchema = z.strictObject({ label: pauseReasonLabel });
export type PauseReasonCreateInput = z.infer<typeof pauseReasonCreateSchema>;

/** Sign in to, sign out of, pause or resume queues: all of the agent's queues unless one is named. */
const AGENT_STATE_ACTIONS = ["login", "logout", "pause", "unpause"] as const;
export const agentStateRequestSchema = z
  .strictObject({
    action: z.enum(AGENT_STATE_ACTIONS, { error: `action must be one of: ${AGENT_STATE_ACTIONS.join(", ")}` }),
    reason: pauseReasonLabel.optional(),
    queueId: z.uuid({ error: "queueId must be a valid id" }).optional()
  })
  .superRefine((value, ctx) => {
    if (value.action === "pause" && !value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "reason is required to pause" });
    if (value.action !== "pause" && value.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "reason is only for pause" });
  });
export type AgentStateRequest = z.infer<typeof agentStateRequestSchema>;

const queueNameSchema = text({ error: "name is required" })
  .trim()
  .min(1, "name is required")
  .max(64, "name must be at most 64 characters")
  .regex(/^[A-Za-z0-9_.-]+$/, "name may contain letters, digits, dot, dash and underscore (it is the queue's name on the PBX)");

const queueNumberSchema = z.preprocess(
  (v) => (v === "" ? null : v),
  text()
    .trim()
    .regex(/^[0-9]{2,8}$/, "number must be 2 to 8 digits")
    .nullable()
);
const seconds = (what: string, max: number) =>
  z.coerce
    .number({ error: `${what} must be a number of seconds` })
    .int(`${what} must be whole seconds`)
    .min(0, `${what} must not be negative`)
    .max(max, `${what} must be at most ${max} seconds`);

const queueMemberInputSchema = z.strictObject({
  extensionId: z.uuid({ error: "extensionId must be a valid id" }),
  penalty: z.coerce
    .number({ error: "penalty must be a number" })
    .int("penalty must be a whole number")
    .min(0, "penalty must not be negative")
    .max(99, "penalty must be at most 99")
    .default(0)
});
export type QueueMemberInput = z.infer<typeof queueMemberInputSchema>;

const queueBase = z.strictObject({
  name: queueNameSchema,
  number: queueNumberSchema,
  strategy: queueStrategySchema,
  serviceLevelSeconds: seconds("service level", 3600).refine((v) => v > 0, "service level must be at least 1 second"),
  serviceLevelTarget: z.coerce
    .number({ error: "service level target must be a percentage" })
    .int("service level target must be a whole percentage")
    .min(1, "service level target must be at least 1%")
    .max(100, "service level target must be at most 100%"),
  wrapUpSeconds: seconds("wrap-up time", 3600),
  members: z
    .array(queueMemberInputSchema)
    .max(500, "a queue may have at most 500 members")
    .refine((members) => new Set(members.map((m) => m.extensionId)).size === members.length, "an extension may be a member only once")
});

export const queueCreateSchema = queueBase.extend({
  number: queueNumberSchema.optional(),
  strategy: queueStrategySchema.default("ringall"),
  serviceLevelSeconds: queueBase.shape.serviceLevelSeconds.default(20),
  serviceLevelTarget: queueBase.shape.serviceLevelTarget.default(80),
  wrapUpSeconds: queueBase.shape.wrapUpSeconds.default(0),
  members: queueBase.shape.members.default([])
});
/** Every field optional; `version`, when given, must be the queue's current version (a stale save is refused). */
export const queueUpdateSchema = queueBase.partial().extend({
  version: z.coerce.number({ error: "version must be a number" }).int().positive().optional()
});
export type QueueCreateInput = z.infer<typeof queueCreateSchema>;
export type QueueUpdateInput = z.infer<typeof queueUpdateSchema>;

/** What a wallboard starts from: the queues with their members, who waits, and today's outcomes so far. */
export interface WallboardSnapshot {
  seq: number;
  /** ISO instants of the organization's day (its time zone) the figures count from and to. */
  dayStart: string;
  dayEnd: string;
  timeZone: string;
  queues: QueueView[];
  waiting: QueueCallerView[];
  /** One per queue that had traffic today. */
  today: QueueIntervalView[];
  /** Today's 15-minute intervals with traffic. */
  quarters: QueueIntervalView[];
  pauseReasons: PauseReasonView[];
}
