import { z } from "zod";
import { text } from "./text";

/**
 * No silent overwrite: every editable entity carries a `version`, bumped by every change. A change
 * may name the version it was based on; if the entity has moved on since, the change is refused
 * (409 with the current version) instead of overwriting what someone else saved.
 */
const versionSchema = z.number({ error: "version must be a number" }).int("version must be a whole number").min(1, "version must be at least 1");

/** `version` on an update's input: the version the change is based on (absent: no check). */
export const expectedVersionField = { version: versionSchema.optional() };

/** What a refusal of a stale change says about the entity now. */
export const currentVersionSchema = z.object({
  version: z.number().int(),
  /** Who made the newest change, when known. */
  changedBy: text().nullable()
});
export type CurrentVersion = z.infer<typeof currentVersionSchema>;

/**
 * What an update event says changed: each field of the entity's view that differs, before → after
 * (secrets only as their hints). Toasts tell it in words and lists flash the changed cells.
 */
export const fieldChangesSchema = z.record(text(), z.object({ from: z.unknown(), to: z.unknown() }));
export type FieldChanges = z.infer<typeof fieldChangesSchema>;
