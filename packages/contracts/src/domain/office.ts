import { z } from "zod";
import { text } from "./text";
import { uuidSchema } from "./common";
import { officeViewSchema } from "./ticket";

const officeNameSchema = text({ error: "name is required" }).trim().min(1, "name is required").max(60, "name must be at most 60 characters");

export const officeCreateSchema = z.strictObject({ name: officeNameSchema });
export type OfficeCreateInput = z.output<typeof officeCreateSchema>;

/** Rename; `version` (optional) refuses a save based on a stale copy. */
export const officeUpdateSchema = z.strictObject({
  name: officeNameSchema,
  version: z.coerce.number({ error: "version must be a number" }).int().positive().optional()
});
export type OfficeUpdateInput = z.output<typeof officeUpdateSchema>;

export const officeMembersSchema = z.strictObject({
  userIds: z.array(uuidSchema, { error: "userIds must be a list of user ids" }).max(500, "at most 500 members"),
  version: z.coerce.number({ error: "version must be a number" }).int().positive().optional()
});
export type OfficeMembersInput = z.output<typeof officeMembersSchema>;

/** An office as the offices page and office events carry it (members only for staff). */
export const officeRecordSchema = officeViewSchema.extend({ version: z.number().int(), updatedAt: text() });
export type OfficeRecord = z.infer<typeof officeRecordSchema>;
