import { z } from "zod";
import { callDirectionSchema, callResultSchema } from "@switchboard/contracts";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date bound: a full ISO timestamp, or a calendar day (UTC). A day as the upper bound means
 * "through the end of that day", so `from=2026-01-05&to=2026-01-05` is that whole day.
 */
function dateBound(edge: "start" | "end") {
  return z
    .string()
    .trim()
    .refine((v) => !Number.isNaN(Date.parse(DAY.test(v) ? `${v}T00:00:00Z` : v)), "must be a date (YYYY-MM-DD) or an ISO timestamp")
    .transform((v) => {
      if (!DAY.test(v)) return new Date(v);
      const start = new Date(`${v}T00:00:00Z`);
      return edge === "start" ? start : new Date(start.getTime() + 24 * 3600 * 1000 - 1);
    })
    .optional();
}

/** Filters and paging of GET /api/v1/calls and the board's recent calls (newest first). */
export const callListQuerySchema = z
  .object({
    state: z.enum(["live", "ended"], { error: "state must be live or ended" }).optional().describe("live (not ended yet) or ended; both when absent"),
    direction: callDirectionSchema.optional(),
    result: callResultSchema.optional(),
    extension: z
      .string()
      .trim()
      .min(1, "extension must not be empty")
      .max(64, "extension must be at most 64 characters")
      .optional()
      .describe("An extension's number or id: calls it rang, answered or was transferred to"),
    from: dateBound("start").describe("On startedAt: an ISO timestamp, or YYYY-MM-DD (a UTC day)"),
    to: dateBound("end").describe("On startedAt: an ISO timestamp, or YYYY-MM-DD (through the end of that UTC day)"),
    q: z.string().trim().max(100, "search must be at most 100 characters").optional().describe("Part of the caller's or callee's number or name"),
    page: z.coerce.number({ error: "page must be a number" }).int().min(1, "page must be at least 1").default(1),
    pageSize: z.coerce
      .number({ error: "pageSize must be a number" })
      .int()
      .min(1, "pageSize must be at least 1")
      .max(200, "pageSize must be at most 200")
      .default(25)
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "to must not be before from" });

export type CallListQuery = z.output<typeof callListQuerySchema>;
