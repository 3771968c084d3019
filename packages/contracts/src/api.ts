import { z } from "zod";
import { text } from "./domain/text";
import { currentVersionSchema } from "./domain/versioned";

const API_ERROR_CODES = [
  "bad_request",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "rate_limited",
  /** A system the request depends on (e.g. the PBX) is not reachable or did not answer; see the HTTP status. */
  "unavailable",
  "internal"
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** REST error body: `{ error: { code, message, fields? } }`; `fields` names each failing field. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: text(),
    fields: z.record(text(), text()).optional(),
    /** A stale change (409): the entity's current version and who changed it last. */
    current: currentVersionSchema.optional()
  })
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;

export interface Page<T> {
  data: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** A list answer: one page of items and the total over all pages. */
export function pageSchemaOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });
}

/** A single-resource answer: `{ data: … }`. */
export function dataSchemaOf<T extends z.ZodType>(item: T) {
  return z.object({ data: item });
}
