import type { Logger } from "pino";
import { z } from "zod";
import { FINISHED_JOB_STATES, jobResultSchema, type JobResult } from "@switchboard/contracts";
import { DomainError, translatePrismaError, withActor, type DbClient, type Job } from "@switchboard/db";
import type { IntegrationDeps } from "../webhooks/deps";
import type { ImportRow } from "./extension-csv";
import { cancelRequested, finishJob, ProgressWriter, startJob } from "./job-records";

const BATCH = 50;

const importInputSchema = z.object({
  mode: z.enum(["all_or_nothing", "valid_rows"]),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  rows: z.array(z.custom<ImportRow>((v) => typeof v === "object" && v !== null && "row" in v && "data" in v))
});
export type ImportInput = z.infer<typeof importInputSchema>;

const UNIQUE = {
  number: ["number", "an extension with this number already exists"],
  sip_username: ["sipUsername", "an extension with this SIP username already exists"]
} satisfies Record<string, [string, string]>;

/**
 * The import job: writes the rows in small transactions, each committing its extensions together
 * with the job's count of rows done and what it created — so a worker that dies mid-import leaves
 * a consistent prefix, and the retried job resumes after it. All-or-nothing (the default): the
 * first row that fails, a cancel, or running out of retries removes everything this import created.
 */
export async function runImportJob(deps: IntegrationDeps, jobId: string, logger: Logger): Promise<void> {
  const found = await deps.db.job.findUnique({ where: { id: jobId } });
  if (!found || FINISHED_JOB_STATES.has(found.state)) return;
  const input = importInputSchema.parse(found.input);
  if (found.cancelRequested) return cancelImport(deps.db, found, input);
  const job = await startJob(deps.db, found);
  const result = currentResult(job);
  const progress = new ProgressWriter(jobId);
  let done = job.done;
  while (done < input.rows.length) {
    if (await cancelRequested(deps.db, jobId)) return cancelImport(deps.db, { id: job.id, organizationId: job.organizationId, result }, input);
    const batch = input.rows.slice(done, done + BATCH);
    const failure = await writeBatch(deps.db, job.organizationId, input, batch, result, done + batch.length, progress);
    if (failure && input.mode === "all_or_nothing") {
      await removeCreated(deps.db, job.organizationId, result, input);
      await finishJob(
        deps.db,
        jobId,
        "failed",
        { summary: `Nothing imported: row ${failure.row} failed`, created: [], errors: [failure] },
        `row ${failure.row}: ${failure.message}`,
        0
      );
      logger.info({ jobId, row: failure.row }, "import failed; created extensions removed");
      return;
    }
    done += batch.length;
  }
  const created = result.created?.length ?? 0;
  const skipped = result.errors?.length ?? 0;
  await finishJob(deps.db, jobId, "completed", {
    ...result,
    summary: `${created} extension${created === 1 ? "" : "s"} created${skipped ? `, ${skipped} rows skipped` : ""}`
  });
}

function currentResult(job: Job): JobResult {
  const parsed = job.result === null ? null : jobResultSchema.safeParse(job.result);
  return parsed?.success ? { ...parsed.data, created: parsed.data.created ?? [], errors: parsed.data.errors ?? [] } : { summary: "", created: [], errors: [] };
}

/**
 * One batch in one transaction. All-or-nothing: a failing row rolls the batch back and is returned.
 * Valid-rows mode: a failing row is recorded and the batch is retried without it.
 */
async function writeBatch(db: DbClient, orgId: string, input: ImportInput, batch: ImportRow[], result: JobResult, doneAfter: number, progress: ProgressWriter) {
  let rows = batch;
  for (;;) {
    try {
      const created = await withActor(input.actor, () =>
        db.$transaction(async (tx) => {
          const made = rows.map((item) => ({ row: item.row, number: item.data.number }));
          // The job row first: every transaction that touches a job locks it before the
          // organization's event counter (as a cancel does), so the two never deadlock.
          await progress.write(tx, doneAfter, { ...result, created: [...(result.created ?? []), ...made] });
          for (const item of rows) {
            await tx.extension
              .create({ data: { ...item.data, organizationId: orgId, userId: null } })
              .catch((e: unknown) => translatePrismaError(e, UNIQUE, "extension"))
              .catch((e: unknown) => {
                throw new RowFailure(item.row, e instanceof DomainError ? e.message : (e as Error).message);
              });
          }
          return made;
        })
      );
      result.created = [...(result.created ?? []), ...created];
      return null;
    } catch (error) {
      if (!(error instanceof RowFailure)) throw error;
      if (input.mode === "all_or_nothing") return { row: error.row, message: error.message };
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

async function cancelImport(db: DbClient, job: Pick<Job, "id" | "result" | "organizationId">, input: ImportInput): Promise<void> {
  const result = currentResult(job as Job);
  if (input.mode === "all_or_nothing") await removeCreated(db, job.organizationId, result, input);
  const kept = input.mode === "all_or_nothing" ? 0 : (result.created?.length ?? 0);
  await finishJob(db, job.id, "cancelled", {
    ...result,
    ...(kept ? {} : { created: [] }),
    summary: kept ? `Cancelled; ${kept} extensions kept` : "Cancelled; nothing imported"
  });
}

/** Deletes what an all-or-nothing import created (by number: numbers are unique per organization). */
async function removeCreated(db: DbClient, orgId: string, result: JobResult, input: ImportInput): Promise<void> {
  const numbers = (result.created ?? []).map((c) => c.number);
  for (let i = 0; i < numbers.length; i += 200) {
    await withActor(input.actor, () => db.extension.deleteMany({ where: { organizationId: orgId, number: { in: numbers.slice(i, i + 200) } } }));
  }
  result.created = [];
}

/** The dead-letter end of an import whose worker kept dying: undo it and say so. */
export async function failImportJob(deps: IntegrationDeps, jobId: string, reason: string): Promise<void> {
  const job = await deps.db.job.findUnique({ where: { id: jobId } });
  if (!job || FINISHED_JOB_STATES.has(job.state)) return;
  const input = importInputSchema.parse(job.input);
  const result = currentResult(job);
  if (input.mode === "all_or_nothing") await removeCreated(deps.db, job.organizationId, result, input);
  await finishJob(deps.db, jobId, "failed", { ...result, summary: input.mode === "all_or_nothing" ? "Nothing imported" : "Import stopped" }, reason);
}
