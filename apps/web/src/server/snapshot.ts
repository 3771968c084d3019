import "server-only";
import { currentSeq, Prisma } from "@switchboard/db";
import { getRuntime } from "./runtime";

/**
 * Reads page data together with the organization's event seq in one REPEATABLE READ transaction:
 * the data is exactly the state after event `seq`, so a console that resumes from `seq` neither
 * misses nor double-counts a change.
 */
export async function readSnapshot<T>(orgId: string, read: () => Promise<T>): Promise<{ seq: number; data: T }> {
  const { db } = getRuntime();
  return db.$transaction(
    async () => {
      const seq = await currentSeq(db, orgId);
      const data = await read();
      return { seq, data };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead }
  );
}
