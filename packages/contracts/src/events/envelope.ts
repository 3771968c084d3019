import { z } from "zod";
import { text } from "../domain/text";

export const actorSchema = z.object({ id: text(), name: text() });
export type Actor = z.infer<typeof actorSchema>;

const subjectSchema = z.object({ kind: text(), id: text() });

/** Every domain event, whatever its type. `data` is checked per type by `eventDataSchemas`. */
export const envelopeSchema = z.object({
  id: text(),
  orgId: text(),
  seq: z.number().int().positive(),
  type: text(),
  at: text(),
  actor: actorSchema.nullable(),
  subject: subjectSchema,
  data: z.unknown()
});
export type Envelope<T extends string = string, D = unknown> = Omit<z.infer<typeof envelopeSchema>, "type" | "data"> & {
  type: T;
  data: D;
};
