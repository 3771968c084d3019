import type { Database } from "@switchboard/db";

export type RelayDatabase = Pick<Database, "raw" | "notifier" | "listenForOutbox" | "direct">;

/**
 * Deletes published events older than the cutoff in small batches (never blocks writers long).
 * Events someone caused (an actor) are the activity log: they stay until `activityOlderThan`.
 */
export async function prunePublished(
  database: RelayDatabase,
  olderThan: Date,
  activityOlderThan: Date = olderThan,
  batch = 1000,
  maxBatches = 100
): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const deleted = await database.raw.$executeRawUnsafe(
      `DELETE FROM outbox_events WHERE id IN (
         SELECT id FROM outbox_events
          WHERE published_at IS NOT NULL AND published_at < $1
            AND (actor_id IS NULL OR type LIKE 'notification.%' OR created_at < $2)
          LIMIT ${batch})`,
      olderThan,
      activityOlderThan
    );
    total += deleted;
    if (deleted < batch) break;
  }
  return total;
}
