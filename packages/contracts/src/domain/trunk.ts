import { z } from "zod";
import { text } from "./text";
import { codecListSchema, formBoolean, transportSchema } from "./common";
import { expectedVersionField } from "./versioned";

const hostSchema = text({ error: "host is required" })
  .trim()
  .min(1, "host is required")
  .max(253, "host must be at most 253 characters")
  .regex(/^[A-Za-z0-9.-]+$|^\[[0-9A-Fa-f:]+\]$/, "host must be a hostname or IP address");

const optionalText = (max: number, label: string) =>
  z.preprocess((v) => (v === "" ? null : v), text().trim().max(max, `${label} must be at most ${max} characters`).nullable());

const trunkBase = z.strictObject({
  name: text({ error: "name is required" }).trim().min(1, "name is required").max(64, "name must be at most 64 characters"),
  host: hostSchema,
  port: z.coerce
    .number({ error: "port must be a number" })
    .int("port must be a whole number")
    .min(1, "port must be 1–65535")
    .max(65535, "port must be 1–65535"),
  transport: transportSchema,
  username: optionalText(64, "username"),
  registrationRequired: formBoolean,
  codecs: codecListSchema,
  maxChannels: z.coerce
    .number({ error: "max channels must be a number" })
    .int("max channels must be a whole number")
    .min(1, "max channels must be at least 1")
    .max(10000, "max channels must be at most 10000"),
  enabled: formBoolean
});

const secretSchema = text({ error: "secret must be text" }).min(8, "secret must be at least 8 characters").max(128, "secret must be at most 128 characters");

export const trunkCreateSchema = trunkBase.extend({
  username: trunkBase.shape.username.optional(),
  port: trunkBase.shape.port.default(5060),
  transport: transportSchema.default("udp"),
  registrationRequired: formBoolean.default(true),
  codecs: codecListSchema.default(["ulaw", "alaw"]),
  maxChannels: trunkBase.shape.maxChannels.default(30),
  enabled: formBoolean.default(true),
  secret: z.preprocess((v) => (v === "" ? null : v), secretSchema.nullable()).optional()
});
/** Update: every field optional; absent or "" keeps the current secret, null removes it; `version` as for extensions. */
export const trunkUpdateSchema = trunkBase.partial().extend({
  secret: z.preprocess((v) => (v === "" ? undefined : v), secretSchema.nullable().optional()),
  ...expectedVersionField
});

export type TrunkCreateInput = z.infer<typeof trunkCreateSchema>;
export type TrunkUpdateInput = z.infer<typeof trunkUpdateSchema>;
export const trunkViewSchema = z.object({
  id: text(),
  name: text(),
  host: text(),
  port: z.number(),
  transport: transportSchema,
  username: text().nullable(),
  secretHint: text().nullable(),
  registrationRequired: z.boolean(),
  codecs: z.array(text()),
  maxChannels: z.number(),
  enabled: z.boolean(),
  /** Bumped by every change (see versioned.ts). */
  version: z.number().int(),
  createdAt: text(),
  updatedAt: text()
});
export type TrunkView = z.infer<typeof trunkViewSchema>;
