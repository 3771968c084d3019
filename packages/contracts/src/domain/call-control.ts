import { z } from "zod";
import { text } from "./text";

/** A hang-up or transfer someone asked for, and how it went (for the activity log and the call's watchers). */
export const callControlEventDataSchema = z.object({
  id: text(),
  callId: text(),
  action: z.enum(["hangup", "transfer"]),
  /** The extension a transfer went to. */
  target: text().nullable(),
  ok: z.boolean(),
  /** Why it failed, as the requester was told. */
  error: text().nullable(),
  /** Who the call was from, so the log reads without looking the call up. */
  callFrom: text(),
  createdAt: text()
});
export type CallControlEventData = z.infer<typeof callControlEventDataSchema>;
