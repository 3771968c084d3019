import { z } from "zod";
import { RULES } from "@switchboard/auth";
import { dataSchemaOf, jobViewSchema, pageSchemaOf } from "@switchboard/contracts";
import {
  cancelJob,
  exportRequestSchema,
  getExportFile,
  getJob,
  IMPORT_MAX_BYTES,
  importRequestSchema,
  jobListQuerySchema,
  listJobs,
  previewImport,
  startExport,
  startImport
} from "@switchboard/integrations";
import { getIntegrationDeps } from "@/server/integrations";
import { defineApiRoute } from "./api-route";

const TAG = "Jobs";
const IMPORT_BODY_BYTES = IMPORT_MAX_BYTES * 2;
const job = dataSchemaOf(jobViewSchema);
const jobItem = { item: "job", path: "/api/v1/jobs/{id}" } as const;
const previewSchema = z.object({
  total: z.number().int(),
  validCount: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  sample: z.array(z.object({ row: z.number().int(), number: z.string(), displayName: z.string(), sipUsername: z.string() }))
});

/** /api/v1/jobs, /imports, /exports: bulk work as jobs, and their progress. */
export const jobRoutes = {
  list: defineApiRoute({
    method: "GET",
    path: "/api/v1/jobs",
    tag: TAG,
    operationId: "listJobs",
    summary: "Jobs, newest first (admins: the organization's; other staff: their own)",
    rule: RULES.readJobs,
    query: jobListQuerySchema,
    success: { status: 200, description: "One page of jobs", schema: pageSchemaOf(jobViewSchema) },
    handle: ({ viewer, query }) => listJobs(getIntegrationDeps(), viewer, query)
  }),
  get: defineApiRoute({
    method: "GET",
    ...jobItem,
    tag: TAG,
    operationId: "getJob",
    summary: "One job: state, progress (done / total, rate, time left), result",
    rule: RULES.readJobs,
    success: { status: 200, description: "The job", schema: job },
    handle: async ({ viewer, id }) => ({ data: await getJob(getIntegrationDeps(), viewer, id) })
  }),
  cancel: defineApiRoute({
    method: "POST",
    ...jobItem,
    path: "/api/v1/jobs/{id}/cancel",
    tag: TAG,
    operationId: "cancelJob",
    summary: "Cancel a job (an all-or-nothing import removes what it created)",
    rule: RULES.readJobs,
    errors: [{ status: 409, description: "the job has already finished" }],
    success: { status: 200, description: "The job, cancelled or cancelling", schema: job },
    handle: async ({ viewer, id }) => ({ data: await cancelJob(getIntegrationDeps(), viewer, id) })
  }),
  previewImport: defineApiRoute({
    method: "POST",
    path: "/api/v1/imports/preview",
    tag: TAG,
    operationId: "previewImport",
    summary: "Check every row of an extensions CSV; writes nothing",
    rule: RULES.importExtensions,
    body: z.strictObject({ csv: importRequestSchema.shape.csv }),
    // The CSV travels as JSON text: room for escaping on top of the file's own limit.
    maxBodyBytes: IMPORT_BODY_BYTES,
    success: { status: 200, description: "What an import would do", schema: dataSchemaOf(previewSchema) },
    handle: async ({ viewer, body }) => ({ data: await previewImport(getIntegrationDeps(), viewer, body.csv) })
  }),
  startImport: defineApiRoute({
    method: "POST",
    path: "/api/v1/imports",
    tag: TAG,
    operationId: "startImport",
    summary: "Import extensions from CSV as a job",
    description:
      "`all_or_nothing` (default) refuses a file with any bad row (400 naming each row in `fields`) and undoes itself if a row fails while writing; `valid_rows` skips bad rows.",
    rule: RULES.importExtensions,
    body: importRequestSchema,
    maxBodyBytes: IMPORT_BODY_BYTES,
    success: { status: 201, description: "The queued job", schema: job, location: (created) => `/api/v1/jobs/${created.data.id}` },
    handle: async ({ viewer, body }) => ({ data: await startImport(getIntegrationDeps(), viewer, body) })
  }),
  startExport: defineApiRoute({
    method: "POST",
    path: "/api/v1/exports",
    tag: TAG,
    operationId: "startExport",
    summary: "Export calls or tickets (with a list's filters) to CSV as a job",
    description: "`query` takes the filters of GET /api/v1/calls or /api/v1/tickets. The file is offered to the requester only, until it expires.",
    rule: RULES.exportData,
    body: exportRequestSchema,
    success: { status: 201, description: "The queued job", schema: job, location: (created) => `/api/v1/jobs/${created.data.id}` },
    handle: async ({ viewer, body }) => ({ data: await startExport(getIntegrationDeps(), viewer, body) })
  }),
  exportFile: defineApiRoute({
    method: "GET",
    item: "export file",
    path: "/api/v1/exports/{id}/file",
    tag: TAG,
    operationId: "downloadExport",
    summary: "The finished export's CSV (the requester only, until it expires; then 404)",
    rule: RULES.exportData,
    success: { status: 200, description: "text/csv" },
    handle: async ({ viewer, id }) => {
      const file = await getExportFile(getIntegrationDeps(), viewer, id);
      return new Response(Buffer.from(file.content), {
        status: 200,
        headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.fileName}"`, "cache-control": "private, no-store" }
      });
    }
  })
};
