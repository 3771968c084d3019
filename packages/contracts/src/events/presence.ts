import { z } from "zod";
import { roleSchema } from "../domain/common";

/** One person online in the organization: all their tabs on every node, merged. */
export const presenceMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: roleSchema,
  since: z.string(),
  tabs: z.number().int().nonnegative()
});
export type PresenceMember = z.infer<typeof presenceMemberSchema>;

export const presenceSnapshotSchema = z.object({ members: z.array(presenceMemberSchema) });
export type PresenceSnapshot = z.infer<typeof presenceSnapshotSchema>;

/**
 * Who came online and who went offline in the organization since the node's last announcement:
 * joins and leaves are coalesced per organization over a short window, so a storm of N joins costs
 * each staff console a few messages instead of N. A user is in at most one of the two lists (the
 * latest state wins): patch the list with both.
 */
export const presenceChangedSchema = z.object({ joined: z.array(presenceMemberSchema), left: z.array(z.string()) });
export type PresenceChanged = z.infer<typeof presenceChangedSchema>;
