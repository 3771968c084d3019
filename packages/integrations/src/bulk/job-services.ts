import { z } from "zod";
import { canSeeJob, RULES } from "@switchboard/auth";
import { FINISHED_JOB_STATES, importKindSchema, type ImportKind, type ImportPreviewView, type JobKind, type JobView, type Page } from "@switchboard/contracts";
import {
  actorOf,
  badRequest,
  callListQuerySchema,
  conflict,
  enforce,
  jobIncludes,
  notFound,
  parseInput,
  ticketListQuerySchema,
  toJobView,
  withActor,
  type ActingViewer,
  type Prisma
} from "@switchboard/db";
import { QUEUES } from "../queue/queues";
import type { IntegrationDeps } from "../webhooks/deps";
import { CsvFormatError } from "./csv-table";
import { importKind } from "./import-kinds";
import type { ExportInput } from "./export-runner";
import type { ImportInput } from "./import-runner";

export const jobListQuerySchema = z.object({
  state: z.enum(["active", "finished"], { error: "state must be active or finished" }).optional(),
  page: z.coerce.number({ error: "page must be a number" }).int().min(1, "page must be at least 1").default(1),
  pageSize: z.coerce.number({ error: "pageSize must be a number" }).int().min(1).max(100, "pageSize must be at most 100").default(25)
});
export type JobListQuery = z.output<typeof jobListQuerySchema>;

/** Jobs the viewer may see (admins: the organization's; other staff: their own), newest first. */
export async function listJobs(deps: IntegrationDeps, viewer: ActingViewer, q: JobListQuery): Promise<Page<JobView>> {
  enforce(RULES.readJobs, viewer);
  const where: Prisma.JobWhereInput = {
    organizationId: viewer.orgId,
    ...(viewer.role === "admin" ? {} : { createdById: viewer.id }),
    ...(q.state === "active" ? { state: { in: ["queued", "running"] } } : q.state === "finished" ? { state: { in: ["completed", "failed", "cancelled"] } } : {})
  };
  const [rows, total] = await Promise.all([
    deps.db.job.findMany({ where, include: jobIncludes, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    deps.db.job.count({ where })
  ]);
  return { data: rows.map(toJobView), page: q.page, pageSize: q.pageSize, total };
}

async function findJob(deps: IntegrationDeps, viewer: ActingViewer, id: string) {
  enforce(RULES.readJobs, viewer);
  const row = await deps.db.job.findFirst({ where: { id, organizationId: viewer.orgId }, include: jobIncludes });
  // A job the viewer may not see looks exactly like one that does not exist.
  if (!row || !canSeeJob(viewer, { orgId: row.organizationId, createdById: row.createdById })) throw notFound("job");
  return row;
}

export async function getJob(deps: IntegrationDeps, viewer: ActingViewer, id: string): Promise<JobView> {
  return toJobView(await findJob(deps, viewer, id));
}

export const importRequestSchema = z.strictObject({
  kind: importKindSchema.default("extensions"),
  csv: z.string({ error: "csv is required: the file's text" }).min(1, "csv must not be empty"),
  mode: z.enum(["all_or_nothing", "valid_rows"], { error: "mode must be all_or_nothing or valid_rows" }).default("all_or_nothing")
});
export type ImportRequest = z.output<typeof importRequestSchema>;
export const importPreviewRequestSchema = importRequestSchema.pick({ kind: true, csv: true });
export type ImportPreviewRequest = z.output<typeof importPreviewRequestSchema>;

async function preview(deps: IntegrationDeps, viewer: ActingViewer, kind: ImportKind, csv: string) {
  const spec = importKind(kind);
  enforce(spec.rule, viewer);
  try {
    return { spec, result: await spec.preview(deps, viewer, csv) };
  } catch (error) {
    if (error instanceof CsvFormatError) throw badRequest(`invalid input — csv: ${error.message}`, { csv: error.message });
    throw error;
  }
}

/** Validates every row and says what an import would do; writes nothing. */
export async function previewImport(deps: IntegrationDeps, viewer: ActingViewer, request: ImportPreviewRequest): Promise<ImportPreviewView> {
  const { spec, result } = await preview(deps, viewer, request.kind, request.csv);
  return {
    kind: request.kind,
    total: result.total,
    validCount: result.valid.length,
    errors: result.errors,
    sample: result.valid.slice(0, 20).map((r) => spec.sample(r))
  };
}

/**
 * Starts an import: the file is validated again (it may have changed since the preview, and so may
 * the organization), then the job row and its queue entry commit together. All-or-nothing refuses
 * a file with any bad row. `linkBase` is where links the import offers (invitations) point.
 */
export async function startImport(deps: IntegrationDeps, viewer: ActingViewer, request: ImportRequest, options: { linkBase?: string } = {}): Promise<JobView> {
  const { spec, result } = await preview(deps, viewer, request.kind, request.csv);
  if (request.mode === "all_or_nothing" && result.errors.length > 0) {
    const fields = Object.fromEntries(result.errors.slice(0, 50).map((e) => [`row ${e.row}`, e.message]));
    throw badRequest(`${result.errors.length} row${result.errors.length === 1 ? " has" : "s have"} errors; fix them, or import the valid rows only`, fields);
  }
  if (result.valid.length === 0) throw badRequest("no row of the file can be imported", { csv: "no valid rows" });
  const input: ImportInput = { mode: request.mode, actor: actorOf(viewer), linkBase: options.linkBase ?? null, rows: result.valid as ImportInput["rows"] };
  const initial = request.mode === "valid_rows" && result.errors.length > 0 ? { summary: "", created: [], errors: result.errors } : undefined;
  return enqueueJob(deps, viewer, spec.jobKind, QUEUES.imports, input, result.valid.length, initial);
}

export const exportRequestSchema = z.strictObject({
  kind: z.enum(["calls", "tickets"], { error: "kind must be calls or tickets" }),
  /** The list page's filters, as its query parameters. */
  query: z.record(z.string(), z.string(), { error: "query must be an object of strings" }).default({})
});
export type ExportRequest = z.output<typeof exportRequestSchema>;

/** Starts an export of what the viewer's list shows with these filters. */
export async function startExport(deps: IntegrationDeps, viewer: ActingViewer, request: ExportRequest): Promise<JobView> {
  enforce(RULES.exportData, viewer);
  const { page: _page, pageSize: _pageSize, ...query } = request.query;
  if (request.kind === "calls") {
    enforce(RULES.readCalls, viewer);
    parseInput(callListQuerySchema, query);
  } else {
    parseInput(ticketListQuerySchema, query);
  }
  const input: ExportInput = { kind: request.kind, query };
  return enqueueJob(deps, viewer, request.kind === "calls" ? "export_calls" : "export_tickets", QUEUES.exportCsv, input, 0);
}

async function enqueueJob(
  deps: IntegrationDeps,
  viewer: ActingViewer,
  kind: JobKind,
  queue: (typeof QUEUES)["imports" | "exportCsv"],
  input: ImportInput | ExportInput,
  total: number,
  result?: object
): Promise<JobView> {
  const row = await withActor(actorOf(viewer), () =>
    deps.db.$transaction(async (tx) => {
      const job = await tx.job.create({
        data: {
          organizationId: viewer.orgId,
          kind,
          input: input as unknown as Prisma.InputJsonValue,
          total,
          createdById: viewer.id,
          ...(result ? { result } : {})
        },
        include: jobIncludes
      });
      await deps.queue.send(queue, { jobId: job.id }, { tx });
      return job;
    })
  );
  return toJobView(row);
}

/** Cancels a job: one still queued at once; a running one at its next step (an import then undoes itself). */
export async function cancelJob(deps: IntegrationDeps, viewer: ActingViewer, id: string): Promise<JobView> {
  const job = await findJob(deps, viewer, id);
  if (viewer.role !== "admin" && job.createdById !== viewer.id) throw notFound("job");
  if (FINISHED_JOB_STATES.has(job.state)) throw conflict("state", `the job has already ${job.state === "completed" ? "completed" : job.state}`);
  const row = await withActor(actorOf(viewer), () =>
    deps.db.job.update({
      where: { id },
      data:
        job.state === "queued"
          ? { cancelRequested: true, state: "cancelled", finishedAt: new Date(), result: { summary: "Cancelled before it started" } }
          : { cancelRequested: true },
      include: jobIncludes
    })
  );
  return toJobView(row);
}

/** A job's file (an export, a users import's invitation links), for the person who started the job, until it expires. */
export async function getExportFile(
  deps: IntegrationDeps,
  viewer: ActingViewer,
  id: string
): Promise<{ fileName: string; contentType: string; content: Uint8Array }> {
  enforce(RULES.exportData, viewer);
  const file = await deps.db.jobFile.findFirst({ where: { jobId: id, organizationId: viewer.orgId, job: { createdById: viewer.id } } });
  if (!file || file.expiresAt.getTime() <= Date.now()) throw notFound("export file");
  return { fileName: file.fileName, contentType: file.contentType, content: file.content };
}
