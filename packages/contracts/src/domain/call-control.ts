import { z } from "zod";

/** A hang-up or transfer someone asked for, and how it went (for the activity log and the call's watchers). */
export const callControlEventDataSchema = z.object({
  id: z.string(),
  callId: z.string(),
  action: z.enum(["hangup", "transfer"]),
  /** The extension a transfer went to. */
  target: z.string().nullable(),
  ok: z.boolean(),
  /** Why it failed, as the requester was told. */
  error: z.string().nullable(),
  /** Who the call was from, so the log reads without looking the call up. */
  callFrom: z.string(),
  createdAt: z.string()
});
export type CallControlEventData = z.infer<typeof callControlEventDataSchema>;
