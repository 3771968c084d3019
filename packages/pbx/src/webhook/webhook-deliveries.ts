import type { DbClient } from "@switchboard/db";

/**
 * How long processed event ids are kept. A delivery older than the replay window is refused by
 * its timestamp anyway, so ids only have to outlive that window; a day leaves room for clock skew
 * and slow retries.
 */
const DELIVERY_RETENTION_MS = 24 * 3_600_000;

export async function pruneWebhookDeliveries(db: DbClient, now: Date = new Date(), retentionMs = DELIVERY_RETENTION_MS): Promise<number> {
  const { count } = await db.pbxWebhookDelivery.deleteMany({ where: { processedAt: { lt: new Date(now.getTime() - retentionMs) } } });
  return count;
}
