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

/**
 * Renices the PostgreSQL backends serving the benchmark's database now, and again every 250 ms
 * until stopped: pools open connections as load grows, and a backend left at the default
 * niceness gets a fraction of the CPU the niced processes get, which then wait on it.
 */
export function keepDatabaseBackendsReniced(database: Database, databaseName: string, nice: number | null): { first: Promise<number>; stop(): void } {
  if (nice === null) return { first: Promise.resolve(0), stop: () => undefined };
  const reniced = new Set<number>();
  const renice = async (): Promise<number> => {
    const rows = await database.raw.$queryRawUnsafe<{ pid: number }[]>("SELECT pid FROM pg_stat_activity WHERE datname = $1", databaseName);
    for (const { pid } of rows) {
      if (reniced.has(pid)) continue;
      try {
        os.setPriority(pid, nice);
        reniced.add(pid);
      } catch {
        // a backend that just exited, or no permission: leave it
      }
    }
    return reniced.size;
  };
  const first = renice();
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    renice()
      .catch(() => undefined)
      .finally(() => (running = false));
  }, 250);
  timer.unref();
  return { first, stop: () => clearInterval(timer) };
}
