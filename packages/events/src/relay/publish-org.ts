import type { Database } from "@switchboard/db";
import type { EventLog } from "../event-log";
import { toEnvelope } from "../to-envelope";

export type RelayDatabase = Pick<Database, "raw" | "notifier">;

/** Advisory-lock class of the relay (two-key form, so it never collides with single-key locks). */
const RELAY_LOCK_CLASS = 7_270_001;

export interface PendingOrg {
  orgId: string;
  pending: number;
  oldest: Date;
}

/** Organizations with unpublished events, the most lagging first. */
export async function scanPendingOrgs(database: RelayDatabase): Promise<PendingOrg[]> {
  const rows = await database.raw.$queryRawUnsafe<{ org_id: string; pending: number | bigint; oldest: Date | string }[]>(
    `SELECT organization_id::text AS org_id, count(*)::int AS pending, min(created_at) AS oldest
       FROM outbox_events WHERE published_at IS NULL
      GROUP BY organization_id ORDER BY min(created_at)`
  );
  return rows.map((r) => ({ orgId: r.org_id, pending: Number(r.pending), oldest: new Date(r.oldest) }));
}

export type BatchOutcome = { locked: false } | { locked: true; published: number };

/**
 * Publishes the next `batchSize` unpublished events of one organization, in seq order, and marks
 * them published — all in one transaction that holds the org's advisory lock, so two relays never
 * interleave an org's events. If the append fails the transaction rolls back and nothing is marked.
 * Because seq follows commit order, every row below a visible row is already visible: scanning for
 * unpublished rows never skips a late committer.
 */
export async function publishOrgBatch(database: RelayDatabase, log: EventLog, orgId: string, batchSize: number): Promise<BatchOutcome> {
  return database.raw.$transaction(
    async (tx) => {
      const [lock] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
        "SELECT pg_try_advisory_xact_lock($1::int, hashtext($2::text)) AS locked",
        RELAY_LOCK_CLASS,
        orgId
      );
      // Another relay holds it: it publishes these rows (and retries on failure); we move on.
      if (!lock?.locked) return { locked: false } as const;
      const rows = await tx.outboxEvent.findMany({
        where: { organizationId: orgId, publishedAt: null },
        orderBy: { seq: "asc" },
        take: batchSize
      });
      if (rows.length === 0) return { locked: true, published: 0 } as const;
      await log.append(rows.map(toEnvelope));
      await tx.outboxEvent.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { publishedAt: new Date() } });
      return { locked: true, published: rows.length } as const;
    },
    { maxWait: 10_000, timeout: 60_000 }
  );
}

/** Deletes published events older than the cutoff in small batches (never blocks writers long). */
export async function prunePublished(database: RelayDatabase, olderThan: Date, batch = 1000, maxBatches = 100): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const deleted = await database.raw.$executeRawUnsafe(
      `DELETE FROM outbox_events WHERE id IN (
         SELECT id FROM outbox_events WHERE published_at IS NOT NULL AND published_at < $1 LIMIT ${batch})`,
      olderThan
    );
    total += deleted;
    if (deleted < batch) break;
  }
  return total;
}
