import { z } from "zod";
import { callDirectionSchema, callResultSchema, dayOrInstantSchema, inOrder } from "@switchboard/contracts";

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
    from: dayOrInstantSchema.optional().describe("On startedAt: an ISO timestamp, or YYYY-MM-DD (a day in the organization's time zone)"),
    to: dayOrInstantSchema.optional().describe("On startedAt: an ISO timestamp, or YYYY-MM-DD (through the end of that day in the organization's time zone)"),
    q: z.string().trim().max(100, "search must be at most 100 characters").optional().describe("Part of the caller's or callee's number or name"),
    page: z.coerce.number({ error: "page must be a number" }).int().min(1, "page must be at least 1").default(1),
    pageSize: z.coerce
      .number({ error: "pageSize must be a number" })
      .int()
      .min(1, "pageSize must be at least 1")
      .max(200, "pageSize must be at most 200")
      .default(25)
  })
  .refine((q) => inOrder(q.from, q.to), { path: ["to"], message: "to must not be before from" });

export type CallListQuery = z.output<typeof callListQuerySchema>;
