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

  /** With `attempt`, a write fails once a later attempt has taken the job (see SupersededAttempt); Prisma leaves an undefined one out of `where`. */
  constructor(
    private readonly jobId: string,
    private readonly attempt?: number
  ) {}

  async write(tx: Tx, done: number, result: JobResult | null): Promise<void> {
    if (Date.now() - this.lastAnnounced >= PROGRESS_ANNOUNCE_MS) {
      this.lastAnnounced = Date.now();
      await tx.job.update({ where: { id: this.jobId, attempts: this.attempt }, data: { done, ...(result ? { result } : {}) } });
      return;
    }
    const written = await tx.$executeRawUnsafe(
      `UPDATE jobs SET done = $2, result = COALESCE($3::jsonb, result), updated_at = now() WHERE id = $1::uuid AND ($4::int IS NULL OR attempts = $4::int)`,
      this.jobId,
      done,
      result ? JSON.stringify(result) : null,
      this.attempt ?? null
    );
    if (written === 0) throw new SupersededAttempt(this.jobId, this.attempt);
  }
}

/**
 * An attempt the queue has handed to another worker (its own stalled past the heartbeat, or the
 * job is gone): every write it makes after that fails, so it cannot write beside the attempt that
 * now owns the job, and it stops.
 */
export class SupersededAttempt extends Error {
  constructor(jobId: string, attempt: number | undefined) {
    super(`attempt ${attempt ?? "?"} of job ${jobId} was handed over to a later one`);
  }
}

/** Whether a later attempt than `attempt` has started the job, or the job is gone. */
export async function superseded(db: DbClient, jobId: string, attempt: number): Promise<boolean> {
  const row = await db.job.findUnique({ where: { id: jobId }, select: { attempts: true } });
  return row?.attempts !== attempt;
}

/**
 * Runs an attempt's work; true once it is done, false when the queue handed the job to a later
 * attempt meanwhile (the work then stopped at a fenced write, or failed for a reason the later
 * attempt will meet on its own). Any other failure is the attempt's and is thrown.
 */
export async function unlessHandedOver(db: DbClient, jobId: string, attempt: number, work: () => Promise<void>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    // The check's own failure (the database gone) must not hide why the attempt failed.
    const handedOver = error instanceof SupersededAttempt || (await superseded(db, jobId, attempt).catch(() => false));
    if (!handedOver) throw error;
    return false;
  }
}

/** Marks a job running (its first start, or a resumed attempt after a worker died). */
export async function startJob(db: DbClient, job: Job): Promise<Job> {
  return withActor(null, () =>
    db.job.update({ where: { id: job.id }, data: { state: "running", startedAt: job.startedAt ?? new Date(), attempts: { increment: 1 } } })
  );
}

export interface JobEnd {
  state: "completed" | "failed" | "cancelled";
  result: JobResult;
  error?: string | null;
  done?: number;
  /** The attempt ending it: the write fails if a later attempt has taken the job. */
  attempt?: number;
}

/** Ends a job: completed, failed or cancelled, with what came of it (inside the caller's transaction, if given one). */
export async function finishJob(db: Pick<DbClient, "job">, jobId: string, end: JobEnd): Promise<void> {
  const { state, result, error = null, done, attempt } = end;
  await withActor(null, () =>
    db.job.update({
      where: { id: jobId, attempts: attempt },
      data: { state, result, error, finishedAt: new Date(), ...(done === undefined ? {} : { done }) }
    })
  );
}

export async function cancelRequested(db: DbClient, jobId: string): Promise<boolean> {
  const row = await db.job.findUnique({ where: { id: jobId }, select: { cancelRequested: true } });
  return row?.cancelRequested ?? true;
}
