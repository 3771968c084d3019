import type { JobResult } from "@switchboard/contracts";
import { withActor, type DbClient, type Job } from "@switchboard/db";

/** Progress is announced (job.progress) at most this often; in between it is only stored. */
const PROGRESS_ANNOUNCE_MS = 250;

/** What progress needs of a transaction client. */
type Tx = Pick<DbClient, "job" | "$executeRawUnsafe">;

/**
 * Stores a job's progress inside the caller's transaction (so it commits with the work it counts).
 * Announces it through the hooks when the last announcement is old enough, else writes it with
 * plain SQL (no event): progress events stay a few per second however fast the work goes.
 */
export class ProgressWriter {
  private lastAnnounced = 0;

  constructor(private readonly jobId: string) {}

  async write(tx: Tx, done: number, result: JobResult | null): Promise<void> {
    if (Date.now() - this.lastAnnounced >= PROGRESS_ANNOUNCE_MS) {
      this.lastAnnounced = Date.now();
      await tx.job.update({ where: { id: this.jobId }, data: { done, ...(result ? { result } : {}) } });
      return;
    }
    await tx.$executeRawUnsafe(
      `UPDATE jobs SET done = $2, result = COALESCE($3::jsonb, result), updated_at = now() WHERE id = $1::uuid`,
      this.jobId,
      done,
      result ? JSON.stringify(result) : null
    );
  }
}

/** Marks a job running (its first start, or a resumed attempt after a worker died). */
export async function startJob(db: DbClient, job: Job): Promise<Job> {
  return withActor(null, () =>
    db.job.update({ where: { id: job.id }, data: { state: "running", startedAt: job.startedAt ?? new Date(), attempts: { increment: 1 } } })
  );
}

/** Ends a job: completed, failed or cancelled, with what came of it. */
export async function finishJob(
  db: DbClient,
  jobId: string,
  state: "completed" | "failed" | "cancelled",
  result: JobResult,
  error: string | null = null,
  done?: number
): Promise<void> {
  await withActor(null, () =>
    db.job.update({ where: { id: jobId }, data: { state, result, error, finishedAt: new Date(), ...(done === undefined ? {} : { done }) } })
  );
}

export async function cancelRequested(db: DbClient, jobId: string): Promise<boolean> {
  const row = await db.job.findUnique({ where: { id: jobId }, select: { cancelRequested: true } });
  return row?.cancelRequested ?? true;
}
