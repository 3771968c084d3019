import { z } from "zod";

export const actorSchema = z.object({ id: z.string(), name: z.string() });
export type Actor = z.infer<typeof actorSchema>;

const subjectSchema = z.object({ kind: z.string(), id: z.string() });

/** Every domain event, whatever its type. `data` is checked per type by `eventDataSchemas`. */
export const envelopeSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  seq: z.number().int().positive(),
  type: z.string(),
  at: z.string(),
  actor: actorSchema.nullable(),
  subject: subjectSchema,
  data: z.unknown()
});
export type Envelope<T extends string = string, D = unknown> = Omit<z.infer<typeof envelopeSchema>, "type" | "data"> & {
  type: T;
  data: D;
};
