import { z } from "zod";
import { text } from "./text";
import { codecListSchema, formBoolean, transportSchema, uuidSchema } from "./common";
import { expectedVersionField } from "./versioned";

const extensionNumberSchema = text({ error: "number is required" })
  .trim()
  .regex(/^[0-9]{2,8}$/, "number must be 2 to 8 digits");

const sipUsernameSchema = text({ error: "SIP username is required" })
  .trim()
  .min(1, "SIP username is required")
  .max(64, "SIP username must be at most 64 characters")
  .regex(/^[A-Za-z0-9._-]+$/, "SIP username may contain letters, digits, dot, dash and underscore");

const sipSecretSchema = text({ error: "SIP secret is required" })
  .min(12, "SIP secret must be at least 12 characters")
  .max(128, "SIP secret must be at most 128 characters");

const extensionBase = z.strictObject({
  number: extensionNumberSchema,
  displayName: text({ error: "display name is required" }).trim().min(1, "display name is required").max(80, "display name must be at most 80 characters"),
  userId: z.preprocess((v) => (v === "" ? null : v), uuidSchema.nullable()),
  sipUsername: sipUsernameSchema,
  transport: transportSchema,
  codecs: codecListSchema,
  voicemailEnabled: formBoolean,
  enabled: formBoolean
});

/** Create: a SIP secret is required; the rest have sensible defaults. */
export const extensionCreateSchema = extensionBase.extend({
  userId: extensionBase.shape.userId.optional(),
  transport: transportSchema.default("udp"),
  codecs: codecListSchema.default(["opus", "g722", "ulaw"]),
  voicemailEnabled: formBoolean.default(true),
  enabled: formBoolean.default(true),
  sipSecret: sipSecretSchema
});
/**
 * Update: every field optional (no defaults); an empty or absent secret keeps the current one;
 * `version` (optional) is the version the change is based on.
 */
export const extensionUpdateSchema = extensionBase.partial().extend({
  sipSecret: z.preprocess((v) => (v === "" ? undefined : v), sipSecretSchema.optional()),
  ...expectedVersionField
});

export type ExtensionCreateInput = z.infer<typeof extensionCreateSchema>;
export type ExtensionUpdateInput = z.infer<typeof extensionUpdateSchema>;

/** An extension as any staff viewer may see it: the SIP secret only as a short hint. */
export const extensionViewSchema = z.object({
  id: text(),
  number: text(),
  displayName: text(),
  userId: text().nullable(),
  userName: text().nullable(),
  sipUsername: text(),
  sipSecretHint: text(),
  transport: transportSchema,
  codecs: z.array(text()),
  voicemailEnabled: z.boolean(),
  enabled: z.boolean(),
  /** Bumped by every change (see versioned.ts). */
  version: z.number().int(),
  createdAt: text(),
  updatedAt: text()
});
export type ExtensionView = z.infer<typeof extensionViewSchema>;
