import type { Database } from "@switchboard/db";

export type RelayDatabase = Pick<Database, "raw" | "notifier">;

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
