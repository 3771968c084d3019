import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { FINISHED_JOB_STATES, type CallView, type TicketView } from "@switchboard/contracts";
import { callListQuerySchema, listCalls, listTickets, ticketListQuerySchema, withActor, type ActingViewer } from "@switchboard/db";
import type { IntegrationDeps } from "../webhooks/deps";
import { offerJobFile } from "./job-files";
import { cancelRequested, finishJob, ProgressWriter, startJob } from "./job-records";

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
 * offices, the page's filters), writes a CSV and offers it to them until it expires.
 */
export async function runExportJob(deps: IntegrationDeps, jobId: string): Promise<void> {
  const found = await deps.db.job.findUnique({ where: { id: jobId } });
  if (!found || FINISHED_JOB_STATES.has(found.state)) return;
  if (found.cancelRequested) return finishJob(deps.db, jobId, { state: "cancelled", result: { summary: "Cancelled" } });
  const input = exportInputSchema.parse(found.input);
  const viewer = found.createdById ? await requester(deps, found.createdById, found.organizationId) : null;
  if (!viewer)
    return finishJob(deps.db, jobId, { state: "failed", result: { summary: "Export failed" }, error: "the person who asked for it no longer exists" });
  await startJob(deps.db, found);
  const progress = new ProgressWriter(jobId);
  const rows: unknown[][] = [];
  const columns = input.kind === "calls" ? CALL_COLUMNS : TICKET_COLUMNS;
  for (let page = 1; ; page++) {
    if (await cancelRequested(deps.db, jobId)) return finishJob(deps.db, jobId, { state: "cancelled", result: { summary: "Cancelled" } });
    const result = await readPage(deps, viewer, input, page);
    for (const item of result.data) rows.push((columns as [string, (x: typeof item) => unknown][]).map(([, pick]) => pick(item)));
    const total = Math.min(result.total, EXPORT_MAX_ROWS);
    await deps.db.$transaction((tx) =>
      tx.job.update({ where: { id: jobId }, data: { total } }).then(() => progress.write(tx, Math.min(rows.length, total), null))
    );
    if (result.data.length < PAGE || rows.length >= EXPORT_MAX_ROWS) break;
  }
  const csv = stringify([columns.map(([name]) => name), ...rows.slice(0, EXPORT_MAX_ROWS)]);
  const file = await offerJobFile(deps, jobId, found.organizationId, input.kind, csv, new Date(Date.now() + deps.settings.exportTtlMs));
  const count = Math.min(rows.length, EXPORT_MAX_ROWS);
  await finishJob(deps.db, jobId, { state: "completed", result: { summary: `${count} ${input.kind} exported`, file }, done: count });
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
