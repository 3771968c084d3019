import { z } from "zod";
import { text } from "./text";

const JOB_KINDS = ["import_extensions", "import_users", "export_calls", "export_tickets"] as const;
const jobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof jobKindSchema>;

const JOB_STATES = ["queued", "running", "completed", "failed", "cancelled"] as const;
const jobStateSchema = z.enum(JOB_STATES);
export type JobState = z.infer<typeof jobStateSchema>;

/** States a job does not leave. */
export const FINISHED_JOB_STATES: ReadonlySet<JobState> = new Set(["completed", "failed", "cancelled"]);

export const jobResultSchema = z.object({
  /** One line for people: "2,000 extensions created", "Nothing imported: row 14 failed". */
  summary: text(),
  /** Import: what was created, by CSV row (the header is row 1): extensions by number, people by email. */
  created: z.array(z.union([z.object({ row: z.number().int(), number: text() }), z.object({ row: z.number().int(), email: text() })])).optional(),
  /** Import: rows that failed and why. */
  errors: z.array(z.object({ row: z.number().int(), message: text() })).optional(),
  /** Export, or a users import's invitation links: the file offered to the job's starter until it expires. */
  file: z.object({ fileName: text(), size: z.number().int(), expiresAt: text() }).optional()
});
export type JobResult = z.infer<typeof jobResultSchema>;

/** A job as /jobs and its events show it. */
export const jobViewSchema = z.object({
  id: text(),
  kind: jobKindSchema,
  state: jobStateSchema,
  done: z.number().int(),
  total: z.number().int(),
  /** Items per second since it started; null before it has a measure. */
  ratePerSecond: z.number().nullable(),
  /** Seconds left at that rate; null when unknown. */
  etaSeconds: z.number().nullable(),
  cancelRequested: z.boolean(),
  createdById: text().nullable(),
  createdByName: text().nullable(),
  error: text().nullable(),
  result: jobResultSchema.nullable(),
  startedAt: text().nullable(),
  finishedAt: text().nullable(),
  createdAt: text(),
  updatedAt: text()
});
export type JobView = z.infer<typeof jobViewSchema>;

export const JOB_KIND_LABELS: Record<JobKind, string> = {
  import_extensions: "Extension import",
  import_users: "Users import",
  export_calls: "Calls export",
  export_tickets: "Tickets export"
};

/** What a CSV import creates; each kind has its own columns and job. */
const IMPORT_KINDS = ["extensions", "users"] as const;
export const importKindSchema = z.enum(IMPORT_KINDS, { error: `kind must be one of: ${IMPORT_KINDS.join(", ")}` });
export type ImportKind = z.infer<typeof importKindSchema>;

/** A created item as people read it: the extension's number or the person's email. */
export function createdLabel(item: NonNullable<JobResult["created"]>[number]): string {
  return "number" in item ? item.number : item.email;
}

export const importPreviewSchema = z.object({
  kind: importKindSchema,
  total: z.number().int(),
  validCount: z.number().int(),
  /** Rows that cannot be imported (the header is row 1), and why. */
  errors: z.array(z.object({ row: z.number().int(), message: text() })),
  /** The first valid rows, as they would be created. */
  sample: z.array(
    z.union([
      z.object({ row: z.number().int(), number: text(), displayName: text(), sipUsername: text() }),
      z.object({ row: z.number().int(), email: text(), name: text(), role: text(), offices: z.array(text()) })
    ])
  )
});
/** What an import would do, before anything is written: every row checked. */
export type ImportPreviewView = z.infer<typeof importPreviewSchema>;
