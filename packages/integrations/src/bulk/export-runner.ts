import { stringify } from "csv-stringify/sync";
import type { Logger } from "pino";
import { z } from "zod";
import { FINISHED_JOB_STATES, type CallView, type TicketView } from "@switchboard/contracts";
import { callListQuerySchema, listCalls, listTickets, ticketListQuerySchema, withActor, type ActingViewer } from "@switchboard/db";
import type { IntegrationDeps } from "../webhooks/deps";
import { offerJobFile } from "./job-files";
import { cancelRequested, finishJob, ProgressWriter, startJob, SupersededAttempt, unlessHandedOver } from "./job-records";

const PAGE = 200;
/** Exports stop here: "recent" calls and tickets, not the whole history. */
const EXPORT_MAX_ROWS = 50_000;

const exportInputSchema = z.object({
  kind: z.enum(["calls", "tickets"]),
  /** The list's filters as its page had them (query parameters). */
  query: z.record(z.string(), z.string())
});
export type ExportInput = z.infer<typeof exportInputSchema>;

const CALL_COLUMNS: [string, (c: CallView) => unknown][] = [
  ["id", (c) => c.id],
  ["started_at", (c) => c.startedAt],
  ["direction", (c) => c.direction],
  ["state", (c) => c.state],
  ["result", (c) => c.result],
  ["from_number", (c) => c.fromNumber],
  ["from_name", (c) => c.fromName],
  ["to_number", (c) => c.toNumber],
  ["to_name", (c) => c.toName],
  ["did", (c) => c.did],
  ["queue", (c) => c.queue],
  ["answered_at", (c) => c.answeredAt],
  ["ended_at", (c) => c.endedAt],
  ["duration_seconds", (c) => c.durationSeconds],
  ["talk_seconds", (c) => c.talkSeconds],
  ["hold_seconds", (c) => c.holdSeconds],
  ["hangup_cause", (c) => c.hangupCause]
];

const TICKET_COLUMNS: [string, (t: TicketView) => unknown][] = [
  ["number", (t) => t.publicId],
  ["subject", (t) => t.subject],
  ["status", (t) => t.status],
  ["priority", (t) => (t.view === "staff" ? t.priority : "")],
  ["category", (t) => t.category],
  ["customer", (t) => t.customerName],
  ["assignee", (t) => (t.view === "staff" ? t.assigneeName : "")],
  ["office", (t) => (t.view === "staff" ? t.officeName : "")],
  ["sla_due_at", (t) => (t.view === "staff" ? t.slaDueAt : "")],
  ["created_at", (t) => t.createdAt],
  ["updated_at", (t) => t.updatedAt],
  ["resolved_at", (t) => t.resolvedAt],
  ["closed_at", (t) => t.closedAt]
];

/**
 * The export job: reads the list page by page exactly as its requester sees it (their role and
 * offices, the page's filters), writes a CSV and offers it to them until it expires. An attempt the
 * queue has handed over (`signal` aborted, or a later attempt started) stops at its next write:
 * progress, the file and the job's end are written by the attempt that holds the job only.
 */
export async function runExportJob(deps: IntegrationDeps, jobId: string, logger: Logger, signal?: AbortSignal): Promise<void> {
  const found = await deps.db.job.findUnique({ where: { id: jobId } });
  if (!found || FINISHED_JOB_STATES.has(found.state)) return;
  if (found.cancelRequested) return finishJob(deps.db, jobId, { state: "cancelled", result: { summary: "Cancelled" } });
  const input = exportInputSchema.parse(found.input);
  const viewer = found.createdById ? await requester(deps, found.createdById, found.organizationId) : null;
  if (!viewer)
    return finishJob(deps.db, jobId, { state: "failed", result: { summary: "Export failed" }, error: "the person who asked for it no longer exists" });
  const { attempts: attempt } = await startJob(deps.db, found);
  const run: ExportRun = { deps, jobId, orgId: found.organizationId, viewer, input, attempt, signal };
  if (!(await unlessHandedOver(deps.db, jobId, attempt, () => exportRows(run))))
    logger.info({ jobId, attempt }, "export attempt handed over to a later one; this one stops");
}

interface ExportRun {
  deps: IntegrationDeps;
  jobId: string;
  orgId: string;
  viewer: ActingViewer;
  input: ExportInput;
  attempt: number;
  signal: AbortSignal | undefined;
}

async function exportRows(run: ExportRun): Promise<void> {
  const { deps, jobId, input, attempt } = run;
  const progress = new ProgressWriter(jobId, attempt);
  const rows: unknown[][] = [];
  const columns = input.kind === "calls" ? CALL_COLUMNS : TICKET_COLUMNS;
  for (let page = 1; ; page++) {
    if (run.signal?.aborted) throw new SupersededAttempt(jobId, attempt);
    if (await cancelRequested(deps.db, jobId)) return finishJob(deps.db, jobId, { state: "cancelled", result: { summary: "Cancelled" }, attempt });
    const result = await readPage(deps, run.viewer, input, page);
    for (const item of result.data) rows.push((columns as [string, (x: typeof item) => unknown][]).map(([, pick]) => pick(item)));
    const total = Math.min(result.total, EXPORT_MAX_ROWS);
    await deps.db.$transaction((tx) =>
      tx.job.update({ where: { id: jobId, attempts: attempt }, data: { total } }).then(() => progress.write(tx, Math.min(rows.length, total), null))
    );
    if (result.data.length < PAGE || rows.length >= EXPORT_MAX_ROWS) break;
  }
  const csv = stringify([columns.map(([name]) => name), ...rows.slice(0, EXPORT_MAX_ROWS)]);
  const count = Math.min(rows.length, EXPORT_MAX_ROWS);
  const expiresAt = new Date(Date.now() + deps.settings.exportTtlMs);
  // One transaction: an attempt handed over at the end leaves the file as the later one writes it.
  await deps.db.$transaction(async (tx) => {
    const file = await offerJobFile({ db: tx }, jobId, run.orgId, input.kind, csv, expiresAt);
    await finishJob(tx, jobId, { state: "completed", result: { summary: `${count} ${input.kind} exported`, file }, done: count, attempt });
  });
}

async function readPage(deps: IntegrationDeps, viewer: ActingViewer, input: ExportInput, page: number) {
  if (input.kind === "calls") return listCalls(deps, viewer, callListQuerySchema.parse({ ...input.query, page, pageSize: PAGE }));
  return listTickets(deps, viewer, ticketListQuerySchema.parse({ ...input.query, page, pageSize: PAGE }));
}

async function requester(deps: IntegrationDeps, userId: string, orgId: string): Promise<ActingViewer | null> {
  const user = await deps.db.user.findFirst({ where: { id: userId, organizationId: orgId }, select: { id: true, role: true, name: true } });
  return user ? { id: user.id, orgId, role: user.role, name: user.name } : null;
}

export async function failExportJob(deps: IntegrationDeps, jobId: string, reason: string): Promise<void> {
  const job = await deps.db.job.findUnique({ where: { id: jobId }, select: { state: true } });
  if (!job || FINISHED_JOB_STATES.has(job.state)) return;
  await withActor(null, () => finishJob(deps.db, jobId, { state: "failed", result: { summary: "Export failed" }, error: reason }));
}
