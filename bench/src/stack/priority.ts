import os from "node:os";
import type { Database } from "@switchboard/db";

/**
 * --nice: on a machine shared with other work, run the benchmark's processes at a higher
 * priority so the result reflects the stack rather than the neighbours. Children inherit the
 * controller's niceness; PostgreSQL backends serving the benchmark's database are reniced too.
 */
export function raiseOwnPriority(nice: number | null): void {
  if (nice === null) return;
  os.setPriority(0, nice);
}

export async function reniceDatabaseBackends(database: Database, databaseName: string, nice: number | null): Promise<number> {
  if (nice === null) return 0;
  const rows = await database.raw.$queryRawUnsafe<{ pid: number }[]>("SELECT pid FROM pg_stat_activity WHERE datname = $1", databaseName);
  let done = 0;
  for (const { pid } of rows) {
    try {
      os.setPriority(pid, nice);
      done += 1;
    } catch {
      // a backend that just exited, or no permission: leave it
    }
  }
  return done;
}
