import type { DbClient } from "../client/create-client";
import { Prisma } from "../generated/prisma/client";
import { currentSeq } from "./org";

/**
 * Runs `read` and reads the organization's event seq in one REPEATABLE READ transaction: the data
 * is exactly the state after event `seq`, so a console that resumes from `seq` neither misses nor
 * double-counts a change. `read` must use `db` (or services given `db`): its model calls join the
 * ambient transaction and take turns on its connection, however many it starts at once.
 */
export async function readOrgSnapshot<T>(db: DbClient, orgId: string, read: () => Promise<T>): Promise<{ seq: number; data: T }> {
  return db.$transaction(
    async () => {
      // First statement: it fixes the transaction's snapshot, so `seq` and `data` see the same commits.
      const seq = await currentSeq(db, orgId);
      const data = await read();
      return { seq, data };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead }
  );
}
