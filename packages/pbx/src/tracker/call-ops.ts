import { z } from "zod";
import { callDirectionSchema, callResultSchema, deviceStateSchema, registrationStateSchema, trunkRegistrationSchema } from "@switchboard/contracts";

/**
 * The tracker's operations: what every ingestion path (AMI, signed webhooks, simulator) reduces
 * PBX activity to. They are zod schemas because webhooks deliver them from outside.
 */
const text = (max: number) => z.string().trim().min(1).max(max);

/** A party by number (extension number, external number) with an optional display name. */
export const partySchema = z.strictObject({
  number: text(64),
  name: z.string().trim().max(128).nullish(),
  /** Known when the source already resolved the extension (AMI endpoints). */
  extensionId: z.uuid().optional()
});
export type Party = z.infer<typeof partySchema>;

const base = { callId: text(128), at: z.coerce.date() };

export const callOpSchema = z.discriminatedUnion("op", [
  z.strictObject({
    op: z.literal("start"),
    ...base,
    direction: callDirectionSchema,
    from: partySchema,
    to: partySchema,
    did: z.string().trim().max(64).nullish(),
    /** Trunk by id (AMI) or by name (webhooks). */
    trunkId: z.uuid().optional(),
    trunk: z.string().trim().max(64).nullish(),
    queue: z.string().trim().max(64).nullish()
  }),
  z.strictObject({ op: z.literal("ring"), ...base, target: partySchema }),
  z.strictObject({ op: z.literal("answer"), ...base, by: partySchema.optional() }),
  z.strictObject({ op: z.literal("hold"), ...base, by: partySchema.optional() }),
  z.strictObject({ op: z.literal("resume"), ...base }),
  z.strictObject({
    op: z.literal("transfer"),
    ...base,
    kind: z.enum(["blind", "attended"]),
    to: partySchema,
    by: partySchema.optional()
  }),
  z.strictObject({
    op: z.literal("end"),
    ...base,
    cause: z.string().trim().max(128).nullish(),
    causeCode: z.number().int().min(0).max(1000).nullish(),
    hungUpBy: z.string().trim().max(64).nullish(),
    /** When the source knows better than "answered if it was answered, else missed". */
    result: callResultSchema.optional()
  }),
  z.strictObject({
    op: z.literal("update"),
    ...base,
    detail: text(256),
    direction: callDirectionSchema.optional(),
    trunkId: z.uuid().optional(),
    trunk: z.string().trim().max(64).nullish(),
    queue: z.string().trim().max(64).nullish(),
    fromName: z.string().trim().max(128).nullish()
  })
]);
export type CallOp = z.infer<typeof callOpSchema>;

export const statusOpSchema = z.discriminatedUnion("op", [
  z.strictObject({
    op: z.literal("extension_status"),
    at: z.coerce.date(),
    /** Extension number or SIP endpoint name. */
    extension: text(64),
    extensionId: z.uuid().optional(),
    registration: registrationStateSchema.optional(),
    contact: z.string().trim().max(512).nullish(),
    userAgent: z.string().trim().max(256).nullish(),
    deviceState: deviceStateSchema.exclude(["dnd"]).optional(),
    dnd: z.boolean().optional()
  }),
  z.strictObject({
    op: z.literal("trunk_status"),
    at: z.coerce.date(),
    trunk: text(64),
    trunkId: z.uuid().optional(),
    registration: trunkRegistrationSchema,
    detail: z.string().trim().max(256).nullish()
  })
]);
export type StatusOp = z.infer<typeof statusOpSchema>;
