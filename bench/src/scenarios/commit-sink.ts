import type { ConsolePool } from "../consoles/console-pool";

/**
 * Where writers report commit times. Outside the measurement window commits are passed on
 * untimed (the consoles still check them for loss and order, but they do not count in latency).
 */
export class CommitSink {
  pool: ConsolePool | null = null;
  measuring = false;
  measuredCommits = 0;
  totalCommits = 0;

  emit = (orgId: string, seq: number, at: number): void => {
    this.totalCommits += 1;
    if (this.measuring) this.measuredCommits += 1;
    this.pool?.commit(orgId, seq, this.measuring ? at : -1);
  };
}
