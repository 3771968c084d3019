import { z } from "zod";

/** Shared list parameters: search, sort, paging. Each list adds its own filters. */
export function listQuerySchema<const S extends readonly [string, ...string[]]>(sortable: S, defaultSort: S[number]) {
  return z.object({
    q: z.string().trim().max(100, "search must be at most 100 characters").optional(),
    sort: z.enum(sortable, { error: `sort must be one of: ${sortable.join(", ")}` }).default(defaultSort),
    dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("asc"),
    page: z.coerce.number({ error: "page must be a number" }).int().min(1, "page must be at least 1").default(1),
    pageSize: z.coerce.number({ error: "pageSize must be a number" }).int().min(1).max(200, "pageSize must be at most 200").default(50)
  });
}

export const optionalBoolParam = z
  .enum(["true", "false"], { error: "must be true or false" })
  .transform((v) => v === "true")
  .optional();
