import { z } from "zod";
import { transportSchema, type Transport } from "@switchboard/contracts";

/** Shared list parameters: search, sort, paging. Each list adds its own filters; `searched` says what `q` matches. */
export function listQuerySchema<const S extends readonly [string, ...string[]]>(sortable: S, defaultSort: S[number], searched: string) {
  return z.object({
    q: z.string().trim().max(100, "search must be at most 100 characters").optional().describe(`Case-insensitive search in ${searched}`),
    sort: z
      .enum(sortable, { error: `sort must be one of: ${sortable.join(", ")}` })
      .default(defaultSort)
      .describe("Ties keep a fixed order, so paging is stable"),
    dir: z.enum(["asc", "desc"], { error: "dir must be asc or desc" }).default("asc"),
    page: z.coerce
      .number({ error: "page must be a number" })
      .int()
      .min(1, "page must be at least 1")
      .default(1)
      .describe("1-based; a page past the end has no data and the real total"),
    pageSize: z.coerce.number({ error: "pageSize must be a number" }).int().min(1).max(200, "pageSize must be at most 200").default(50)
  });
}

export const optionalBoolParam = z
  .enum(["true", "false"], { error: "must be true or false" })
  .transform((v) => v === "true")
  .optional();

/** The SIP endpoint lists (extensions, trunks) add the same two filters: transport and enabled. */
export function sipEndpointListQuerySchema<const S extends readonly [string, ...string[]]>(sortable: S, defaultSort: S[number], searched: string) {
  return listQuerySchema(sortable, defaultSort, searched).extend({ transport: transportSchema.optional(), enabled: optionalBoolParam });
}

/** The organization's rows, narrowed by the transport and enabled filters when given. */
export function sipEndpointWhere(orgId: string, q: { transport?: Transport; enabled?: boolean }) {
  return {
    organizationId: orgId,
    ...(q.transport ? { transport: q.transport } : {}),
    ...(q.enabled !== undefined ? { enabled: q.enabled } : {})
  };
}

/** The rows of one page, as Prisma's skip/take. */
export function pageWindow(q: { page: number; pageSize: number }) {
  return { skip: (q.page - 1) * q.pageSize, take: q.pageSize };
}
