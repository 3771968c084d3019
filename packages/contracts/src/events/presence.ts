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

export const presenceJoinedSchema = presenceMemberSchema;
export const presenceLeftSchema = z.object({ userId: z.string() });
export type PresenceLeft = z.infer<typeof presenceLeftSchema>;
