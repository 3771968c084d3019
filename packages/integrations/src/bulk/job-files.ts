import type { JobResult } from "@switchboard/contracts";
import type { DbClient } from "@switchboard/db";

/** Delivery log entries and finished jobs are kept this long, then deleted. */
const RECORD_RETENTION_MS = 30 * 24 * 60 * 60_000;

/**
 * Housekeeping the worker runs now and then: export files past their download window, and delivery
 * log entries and finished jobs older than the retention period (plain deletes: bookkeeping, not
 * changes anyone watches).
 */
export async function pruneIntegrationRecords(db: DbClient, now = new Date()): Promise<{ files: number; deliveries: number; jobs: number }> {
  const before = new Date(now.getTime() - RECORD_RETENTION_MS);
  const files = await db.$executeRawUnsafe(`DELETE FROM job_files WHERE expires_at < $1`, now);
  const deliveries = await db.$executeRawUnsafe(`DELETE FROM webhook_deliveries WHERE created_at < $1`, before);
  const jobs = await db.$executeRawUnsafe(`DELETE FROM jobs WHERE finished_at < $1 AND state IN ('completed', 'failed', 'cancelled')`, before);
  return { files, deliveries, jobs };
}

/** Stores a job's CSV for the person who started it, until `expiresAt`; returns it as the result names it. */
export async function offerJobFile(
  deps: { db: Pick<DbClient, "jobFile"> },
  jobId: string,
  orgId: string,
  prefix: string,
  csv: string,
  expiresAt: Date
): Promise<NonNullable<JobResult["file"]>> {
  const content = Buffer.from(csv, "utf8");
  const fileName = `${prefix}-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-")}.csv`;
  await deps.db.jobFile.upsert({
    where: { jobId },
    create: { jobId, organizationId: orgId, fileName, contentType: "text/csv; charset=utf-8", content, expiresAt },
    update: { fileName, content, expiresAt }
  });
  return { fileName, size: content.length, expiresAt: expiresAt.toISOString() };
}
