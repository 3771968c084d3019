import { z } from "zod";

const JOB_KINDS = ["import_extensions", "export_calls", "export_tickets"] as const;
const jobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof jobKindSchema>;

const JOB_STATES = ["queued", "running", "completed", "failed", "cancelled"] as const;
const jobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof jobStateSchema>;

/** States a job does not leave. */
export const FINISHED_JOB_STATES: ReadonlySet<JobState> = new Set(["completed", "failed", "cancelled"]);

export const jobResultSchema = z.object({
  /** One line for people: "2,000 extensions created", "Nothing imported: row 14 failed". */
  summary: z.string(),
  /** Import: what was created, by CSV row (1 = the first data row). */
  created: z.array(z.object({ row: z.number().int(), number: z.string() })).optional(),
  /** Import: rows that failed and why. */
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })).optional(),
  /** Export: the file offered for download until it expires. */
  file: z.object({ fileName: z.string(), size: z.number().int(), expiresAt: z.string() }).optional()
});
export type JobResult = z.infer<typeof jobResultSchema>;

/** A job as /jobs and its events show it. */
export const jobViewSchema = z.object({
  id: z.string(),
  kind: jobKindSchema,
  state: jobStateSchema,
  done: z.number().int(),
  total: z.number().int(),
  /** Items per second since it started; null before it has a measure. */
  ratePerSecond: z.number().nullable(),
  /** Seconds left at that rate; null when unknown. */
  etaSeconds: z.number().nullable(),
  cancelRequested: z.boolean(),
  createdById: z.string().nullable(),
  createdByName: z.string().nullable(),
  error: z.string().nullable(),
  result: jobResultSchema.nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
});
export type JobView = z.infer<typeof jobViewSchema>;

export const JOB_KIND_LABELS: Record<JobKind, string> = {
  import_extensions: "Extension import",
  export_calls: "Calls export",
  export_tickets: "Tickets export"
};

/** What an import would do, before anything is written: every row checked. */
export interface ImportPreviewView {
  total: number;
  validCount: number;
  /** Rows that cannot be imported (the header is row 1), and why. */
  errors: { row: number; message: string }[];
  /** The first valid rows, as they would be created. */
  sample: { row: number; number: string; displayName: string; sipUsername: string }[];
}
