import path from "node:path";
import { benchDir } from "../paths";
import { Histogram } from "../metrics/histogram";
import { ProcMeter } from "../metrics/proc-stats";
import { startNodeChild, type NodeChild } from "../stack/spawn-child";
import type { TopicFamily } from "@switchboard/contracts";
import type { CommitItem, ConsoleSpec, ControllerMessage, FinalReport, ProgressReport, WorkerMessage } from "./protocol";

/** Aggregated view of every worker's latest progress. */
export interface PoolProgress {
  opened: number;
  connected: number;
  synced: number;
  connectErrors: number;
  disconnects: number;
  duplicates: number;
  outOfOrder: number;
  unauthorized: number;
  offTopic: number;
  resyncs: number;
}

/**
 * The controller's side of the load generator: worker processes holding the consoles, commit
 * times fanned out to them, progress and latency merged back.
 */
export class ConsolePool {
  private readonly workers: NodeChild[] = [];
  private readonly latest = new Map<number, ProgressReport>();
  private readonly waiters = new Set<(message: WorkerMessage) => void>();
  private commitBatch: CommitItem[] = [];
  /** Latency of the whole measurement (µs). */
  readonly latency = new Histogram();
  /** Latency since the progress line last read it. */
  readonly recent = new Histogram();
  deliveries = 0;
  recentDeliveries = 0;
  /** Workers holding at least one receiving console, per org (for completion). */
  private readonly receivingWorkers = new Map<string, number>();
  private readonly completions = new Map<string, Map<number, number>>();
  onComplete: (count: number) => void = () => undefined;
  errors: string[] = [];

  private constructor(readonly size: number) {}

  static async start(size: number, logDir: string): Promise<ConsolePool> {
    const pool = new ConsolePool(size);
    for (let i = 0; i < size; i++) {
      const child = startNodeChild({
        name: `consoles-${i}`,
        entry: path.join(benchDir, "src/consoles/console-worker.ts"),
        args: [String(i)],
        cwd: benchDir,
        ipc: true,
        logFile: path.join(logDir, `consoles-${i}.log`)
      });
      child.process.on("message", (message: WorkerMessage) => pool.onMessage(message));
      pool.workers.push(child);
    }
    return pool;
  }

  meters(): ProcMeter[] {
    return this.workers.map((w) => new ProcMeter(w.pid));
  }

  /** Round-robin over workers, so each org's consoles are spread over all of them. */
  async open(consoles: readonly ConsoleSpec[], concurrency: number): Promise<void> {
    const shares: ConsoleSpec[][] = this.workers.map(() => []);
    consoles.forEach((spec, i) => shares[i % this.size]?.push(spec));
    for (const [i, share] of shares.entries()) {
      const orgs = new Set(share.filter((s) => s.receives).map((s) => s.orgId));
      for (const orgId of orgs) this.receivingWorkers.set(orgId, (this.receivingWorkers.get(orgId) ?? 0) + 1);
      this.send(i, { type: "open", consoles: share, concurrency });
    }
    await this.collect("opened", this.size);
  }

  commit(orgId: string, seq: number, at: number, family: TopicFamily | null): void {
    if (this.commitBatch.length === 0) setImmediate(() => this.flushCommits());
    this.commitBatch.push([orgId, seq, at, family]);
  }

  broadcast(message: ControllerMessage): void {
    for (let i = 0; i < this.size; i++) this.send(i, message);
  }

  progress(): PoolProgress {
    const sum: PoolProgress = {
      opened: 0,
      connected: 0,
      synced: 0,
      connectErrors: 0,
      disconnects: 0,
      duplicates: 0,
      outOfOrder: 0,
      unauthorized: 0,
      offTopic: 0,
      resyncs: 0
    };
    for (const p of this.latest.values()) for (const key of Object.keys(sum) as Array<keyof PoolProgress>) sum[key] += p[key];
    return sum;
  }

  /** Waits until every receiving console has every event up to `heads`. */
  async waitCaughtUp(heads: Record<string, number>, timeoutMs: number): Promise<{ caughtUp: boolean; behind: number }> {
    const deadline = Date.now() + timeoutMs;
    let behind = 0;
    while (Date.now() < deadline) {
      this.broadcast({ type: "check", heads });
      const replies = await this.collect("checked", this.size);
      behind = replies.reduce((n, r) => n + (r.type === "checked" ? r.behind : 0), 0);
      if (behind === 0) return { caughtUp: true, behind };
      await new Promise((r) => setTimeout(r, 250));
    }
    return { caughtUp: false, behind };
  }

  async finish(heads: Record<string, number>): Promise<FinalReport[]> {
    this.broadcast({ type: "finish", heads });
    return (await this.collect("final", this.size)) as FinalReport[];
  }

  /** Resolves with the first `count` messages of a type (from any workers). */
  collect(type: WorkerMessage["type"], count: number, timeoutMs = 15 * 60_000): Promise<WorkerMessage[]> {
    return new Promise((resolve, reject) => {
      const got: WorkerMessage[] = [];
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`timed out waiting for ${count} "${type}" messages from the console workers (got ${got.length})`));
      }, timeoutMs);
      const waiter = (message: WorkerMessage) => {
        if (message.type !== type) return;
        got.push(message);
        if (got.length < count) return;
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolve(got);
      };
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    this.broadcast({ type: "close" });
    await Promise.all(this.workers.map((w) => Promise.race([w.exited, new Promise((r) => setTimeout(r, 5000))])));
    await Promise.all(this.workers.map((w) => w.stop("SIGKILL", 1000)));
  }

  private send(index: number, message: ControllerMessage): void {
    const worker = this.workers[index];
    if (worker?.alive()) worker.process.send(message);
  }

  private flushCommits(): void {
    const items = this.commitBatch;
    this.commitBatch = [];
    if (items.length) this.broadcast({ type: "commits", items });
  }

  private onMessage(message: WorkerMessage): void {
    if (message.type === "progress") {
      this.latest.set(message.workerId, message);
      this.latency.merge(message.latency);
      this.recent.merge(message.latency);
      this.deliveries += message.deliveries;
      this.recentDeliveries += message.deliveries;
    } else if (message.type === "completed") {
      this.onCompleted(message.items);
    } else if (message.type === "error") {
      this.errors.push(`worker ${message.workerId}: ${message.message}`);
    }
    for (const waiter of [...this.waiters]) waiter(message);
  }

  private onCompleted(items: Array<[string, number]>): void {
    let complete = 0;
    for (const [orgId, seq] of items) {
      const need = this.receivingWorkers.get(orgId) ?? 1;
      let org = this.completions.get(orgId);
      if (!org) {
        org = new Map();
        this.completions.set(orgId, org);
      }
      const n = (org.get(seq) ?? 0) + 1;
      if (n >= need) {
        org.delete(seq);
        complete += 1;
      } else {
        org.set(seq, n);
      }
    }
    if (complete > 0) this.onComplete(complete);
  }
}
