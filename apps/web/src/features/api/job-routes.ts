import { RULES } from "@switchboard/auth";
import { dataSchemaOf, importPreviewSchema, jobViewSchema, pageSchemaOf } from "@switchboard/contracts";
import {
  cancelJob,
  exportRequestSchema,
  getExportFile,
  getJob,
  IMPORT_MAX_BYTES,
  importPreviewRequestSchema,
  importRequestSchema,
  jobListQuerySchema,
  listJobs,
  previewImport,
  startExport,
  startImport
} from "@switchboard/integrations";
import { linkBase } from "@/features/users/server/deliver-link";
import { getIntegrationDeps } from "@/server/integrations";
import { defineApiRoute } from "./api-route";
import { fileResponse } from "./responses";

const TAG = "Jobs";
const IMPORT_BODY_BYTES = IMPORT_MAX_BYTES * 2;
const job = dataSchemaOf(jobViewSchema);
const jobItem = { item: "job", path: "/api/v1/jobs/{id}" } as const;
const KINDS =
  "`kind` is `extensions` (default; admins; columns number, display_name, sip_username, sip_secret and optionally transport, codecs, voicemail_enabled, enabled) " +
  "or `users` (admins and supervisors; columns email, name, role and optionally offices, office names separated by `;`; supervisors may only import agents and customers).";

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
    summary: "Check every row of a CSV import (extensions or users); writes nothing",
    description: KINDS,
    rule: RULES.startImports,
    body: importPreviewRequestSchema,
    // The CSV travels as JSON text: room for escaping on top of the file's own limit.
    maxBodyBytes: IMPORT_BODY_BYTES,
    success: { status: 200, description: "What an import would do", schema: dataSchemaOf(importPreviewSchema) },
    handle: async ({ viewer, body }) => ({ data: await previewImport(getIntegrationDeps(), viewer, body) })
  }),
  startImport: defineApiRoute({
    method: "POST",
    path: "/api/v1/imports",
    tag: TAG,
    operationId: "startImport",
    summary: "Import extensions or users from CSV as a job",
    description:
      `${KINDS} \`all_or_nothing\` (default) refuses a file with any bad row (400 naming each row in \`fields\`) and leaves nothing imported if a row fails while writing; \`valid_rows\` skips bad rows. ` +
      "A users import invites staff (mailed when a mail server is configured) and adds customers without sign-in; the invitation links are offered once, to the caller only, as a CSV at GET /api/v1/exports/{id}/file until they expire.",
    rule: RULES.startImports,
    body: importRequestSchema,
    maxBodyBytes: IMPORT_BODY_BYTES,
    success: { status: 201, description: "The queued job", schema: job, location: (created) => `/api/v1/jobs/${created.data.id}` },
    handle: async ({ viewer, body, request }) => ({ data: await startImport(getIntegrationDeps(), viewer, body, { linkBase: linkBase(request.headers) }) })
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
    summary: "A finished job's CSV: an export, or a users import's invitation links (the job's starter only, until it expires; then 404)",
    rule: RULES.exportData,
    success: { status: 200, description: "text/csv" },
    handle: async ({ viewer, id }) => {
      return fileResponse(await getExportFile(getIntegrationDeps(), viewer, id));
    }
  })
};
