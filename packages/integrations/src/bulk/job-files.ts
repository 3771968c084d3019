import type { DbClient } from "@switchboard/db";

/** Deletes export files past their download window. */
export async function deleteExpiredFiles(db: DbClient): Promise<number> {
  const { count } = await db.jobFile.deleteMany({ where: { expiresAt: { lt: new Date() } } });
  return count;
}
