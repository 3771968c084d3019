import type { Logger } from "pino";
import { z } from "zod";
import { FINISHED_JOB_STATES, jobResultSchema, type JobResult } from "@switchboard/contracts";
import { DomainError, withActor, type Job } from "@switchboard/db";
import type { IntegrationDeps } from "../webhooks/deps";
import type { CreatedItem, ImportRowBase, ImportRun } from "./import-kind";
import { removeCreatedItems } from "./import-compensation";
import { importKindOfJob } from "./import-kinds";
import { cancelRequested, finishJob, ProgressWriter, startJob, SupersededAttempt, unlessHandedOver } from "./job-records";

/**
 * Rows per transaction: each batch commits with the job's count of rows done, so progress moves
 * and a cancel is seen between batches; an all-or-nothing import that does not finish is undone
 * (import-compensation.ts).
 */
const BATCH_SIZE = 50;

/** A batch's transaction may take this long on a busy database. */
const BATCH_TRANSACTION_MS = 60_000;

const importInputSchema = z.object({
  mode: z.enum(["all_or_nothing", "valid_rows"]),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Where links the import offers point (absent for imports that offer none). */
  linkBase: z.string().nullable().optional(),
  rows: z.array(z.custom<ImportRowBase & { data: unknown }>((v) => typeof v === "object" && v !== null && "row" in v && "data" in v))
});
export type ImportInput = z.infer<typeof importInputSchema>;

type Kind = NonNullable<ReturnType<typeof importKindOfJob>>;

interface Running extends ImportRun {
  kind: Kind;
  input: ImportInput;
  /** What the kind's writes returned in this attempt (e.g. invitation links), for its finish. */
  offers: unknown[];
  /** This attempt's number once it has started the job: its writes fail if a later one takes over. */
  attempt?: number;
}

function prepare(deps: IntegrationDeps, job: Job): Running {
  const kind = importKindOfJob(job.kind);
  if (!kind) throw new Error(`job ${job.id} is not an import`);
  const input = importInputSchema.parse(job.input);
  return { deps, kind, input, jobId: job.id, orgId: job.organizationId, actor: input.actor, linkBase: input.linkBase ?? null, offers: [] };
}

/**
 * The import job, whatever it imports: writes the rows in batches whose transactions commit the
 * created items together with the job's count of rows done and what it created, so progress moves
 * live, a worker that dies mid-import leaves a consistent prefix and the retried job resumes after
 * it. All-or-nothing (the default): the first row that fails, a cancel, or running out of retries
 * deletes what earlier batches created, so nothing stays imported. An attempt the queue has handed
 * over (`signal` aborted, or a later attempt started) stops at its next write and leaves the job to
 * the later attempt.
 */
export async function runImportJob(deps: IntegrationDeps, jobId: string, logger: Logger, signal?: AbortSignal): Promise<void> {
  const found = await deps.db.job.findUnique({ where: { id: jobId } });
  if (!found || FINISHED_JOB_STATES.has(found.state)) return;
  const run = prepare(deps, found);
  if (found.cancelRequested) return cancelImport(run, currentResult(found), logger);
  const job = await startJob(deps.db, found);
  run.attempt = job.attempts;
  if (!(await unlessHandedOver(deps.db, jobId, job.attempts, () => importRows(run, job, logger, signal))))
    logger.info({ jobId, attempt: job.attempts }, "import attempt handed over to a later one; this one stops");
}

async function importRows(run: Running, job: Job, logger: Logger, signal: AbortSignal | undefined): Promise<void> {
  const { deps, jobId } = run;
  const result = currentResult(job);
  const progress = new ProgressWriter(jobId, run.attempt);
  const rows = run.input.rows;
  let done = job.done;
  while (done < rows.length) {
    if (signal?.aborted) throw new SupersededAttempt(jobId, run.attempt);
    if (await cancelRequested(deps.db, jobId)) return cancelImport(run, result, logger);
    const batch = rows.slice(done, done + BATCH_SIZE);
    const failure = await writeBatch(run, batch, result, done + batch.length, progress);
    if (failure && run.input.mode === "all_or_nothing") {
      await removeCreated(run, result);
      await finishJob(deps.db, jobId, {
        state: "failed",
        result: { summary: `Nothing imported: row ${failure.row} failed`, created: [], errors: [failure] },
        error: `row ${failure.row}: ${failure.message}`,
        done: 0,
        attempt: run.attempt
      });
      logger.info({ jobId, row: failure.row }, "import failed; nothing kept");
      return;
    }
    done += batch.length;
  }
  // A cancel that came with the last batch still wins: nobody has been told of the people yet.
  if (await cancelRequested(deps.db, jobId)) return cancelImport(run, result, logger);
  const created = result.created ?? [];
  const skipped = result.errors?.length ?? 0;
  const finished = run.kind.finish ? await run.kind.finish(run, run.offers, created) : null;
  const { one, many } = run.kind.noun;
  const summary = finished?.summary ?? `${created.length} ${created.length === 1 ? one : many} created`;
  await finishJob(deps.db, jobId, {
    state: "completed",
    result: { ...result, ...(finished?.file ? { file: finished.file } : {}), summary: `${summary}${skipped ? `, ${skipped} rows skipped` : ""}` },
    attempt: run.attempt
  });
  logger.info({ jobId, created: created.length, skipped }, "import completed");
}

function currentResult(job: Pick<Job, "result">): JobResult {
  const parsed = job.result === null ? null : jobResultSchema.safeParse(job.result);
  return parsed?.success ? { ...parsed.data, created: parsed.data.created ?? [], errors: parsed.data.errors ?? [] } : { summary: "", created: [], errors: [] };
}

/**
 * One batch in one transaction. All-or-nothing: a failing row rolls the batch back and is returned.
 * Valid-rows mode: a failing row is recorded and the batch is retried without it.
 */
async function writeBatch(run: Running, batch: ImportInput["rows"], result: JobResult, doneAfter: number, progress: ProgressWriter) {
  let rows = batch;
  for (;;) {
    try {
      const written = await withActor(run.actor, () =>
        run.deps.db.$transaction(
          async (tx) => {
            const made: CreatedItem[] = rows.map((item) => run.kind.created(item));
            // The job row first: every transaction that touches a job locks it before the
            // organization's event counter (as a cancel does), so the two never deadlock.
            await progress.write(tx, doneAfter, { ...result, created: [...(result.created ?? []), ...made] });
            const offers: unknown[] = [];
            for (const item of rows) {
              const offer = await run.kind.write(tx, run, item).catch((e: unknown) => {
                throw new RowFailure(item.row, e instanceof DomainError ? e.message : (e as Error).message);
              });
              if (offer !== null) offers.push(offer);
            }
            return { made, offers };
          },
          { timeout: BATCH_TRANSACTION_MS, maxWait: 30_000 }
        )
      );
      result.created = [...(result.created ?? []), ...written.made];
      run.offers.push(...written.offers);
      return null;
    } catch (error) {
      if (!(error instanceof RowFailure)) throw error;
      if (run.input.mode === "all_or_nothing") return { row: error.row, message: error.message };
      result.errors = [...(result.errors ?? []), { row: error.row, message: error.message }];
      rows = rows.filter((r) => r.row !== error.row);
    }
  }
}

class RowFailure extends Error {
  constructor(
    readonly row: number,
    message: string
  ) {
    super(message);
  }
}

/** Undoes an all-or-nothing import's committed batches. */
async function removeCreated(run: Running, result: JobResult): Promise<void> {
  if (run.input.mode !== "all_or_nothing") return;
  await removeCreatedItems(run.kind, run, result.created ?? []);
  result.created = [];
}

async function cancelImport(run: Running, result: JobResult, logger: Logger): Promise<void> {
  await removeCreated(run, result);
  const kept = result.created?.length ?? 0;
  await finishJob(run.deps.db, run.jobId, {
    state: "cancelled",
    result: { ...result, summary: kept ? `Cancelled; ${kept} ${kept === 1 ? run.kind.noun.one : run.kind.noun.many} kept` : "Cancelled; nothing imported" },
    attempt: run.attempt
  });
  logger.info({ jobId: run.jobId, kept }, "import cancelled");
}

/** The dead-letter end of an import whose worker kept dying: undo it and say so. */
export async function failImportJob(deps: IntegrationDeps, jobId: string, reason: string): Promise<void> {
  const job = await deps.db.job.findUnique({ where: { id: jobId } });
  if (!job || FINISHED_JOB_STATES.has(job.state)) return;
  const run = prepare(deps, job);
  const result = currentResult(job);
  await removeCreated(run, result);
  await finishJob(deps.db, jobId, {
    state: "failed",
    result: { ...result, summary: run.input.mode === "all_or_nothing" ? "Nothing imported" : "Import stopped" },
    error: reason
  });
}
