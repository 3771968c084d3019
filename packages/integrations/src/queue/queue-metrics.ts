import { Gauge, Registry } from "prom-client";
import type { DbClient } from "@switchboard/db";
import { QUEUES } from "./queues";

interface QueueCounts {
  queue: string;
  queued: number;
  running: number;
  failed: number;
  /** Seconds the oldest queued job has waited; 0 when none waits. */
  oldestQueuedSeconds: number;
}

/**
 * Counts per queue, read from pg-boss's job table (queued = created or waiting to retry; failed =
 * failed jobs still retained, dead-letter queues included).
 */
async function collectQueueMetrics(db: DbClient): Promise<QueueCounts[]> {
  const rows = await db.$queryRawUnsafe<{ name: string; queued: number; running: number; failed: number; oldest: number | null }[]>(
    `SELECT name,
            count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
            count(*) FILTER (WHERE state = 'active')::int AS running,
            count(*) FILTER (WHERE state = 'failed')::int AS failed,
            extract(epoch FROM now() - min(created_on) FILTER (WHERE state IN ('created', 'retry')))::float8 AS oldest
       FROM pgboss.job GROUP BY name`
  );
  const byName = new Map(rows.map((r) => [r.name, r]));
  const names = new Set([...Object.values(QUEUES).flatMap((q) => [q, `${q}-dead`]), ...byName.keys()]);
  return [...names].sort().map((queue) => {
    const r = byName.get(queue);
    return { queue, queued: r?.queued ?? 0, running: r?.running ?? 0, failed: r?.failed ?? 0, oldestQueuedSeconds: Math.max(0, Math.round(r?.oldest ?? 0)) };
  });
}

export interface QueueMetrics {
  registry: Registry;
  /** The last counts, for /stats. */
  snapshot(): Promise<QueueCounts[]>;
}

/** Prometheus gauges of the queues, read from the database at each scrape. */
export function createQueueMetrics(db: DbClient, labels: Record<string, string> = {}): QueueMetrics {
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  // Registered first: it refreshes the gauges below right before every scrape.
  new Gauge({
    name: "switchboard_jobs_scrape",
    help: "1 when the queue counts could be read",
    registers: [registry],
    async collect() {
      this.set(
        await snapshot().then(
          () => 1,
          () => 0
        )
      );
    }
  });
  const gauges = {
    queued: new Gauge({ name: "switchboard_jobs_queued", help: "Jobs waiting to run (including retries)", labelNames: ["queue"], registers: [registry] }),
    running: new Gauge({ name: "switchboard_jobs_running", help: "Jobs running now", labelNames: ["queue"], registers: [registry] }),
    failed: new Gauge({ name: "switchboard_jobs_failed", help: "Failed jobs still retained", labelNames: ["queue"], registers: [registry] }),
    oldest: new Gauge({ name: "switchboard_jobs_oldest_queued_seconds", help: "Age of the oldest waiting job", labelNames: ["queue"], registers: [registry] })
  };
  const snapshot = async () => {
    const counts = await collectQueueMetrics(db);
    for (const c of counts) {
      gauges.queued.set({ queue: c.queue }, c.queued);
      gauges.running.set({ queue: c.queue }, c.running);
      gauges.failed.set({ queue: c.queue }, c.failed);
      gauges.oldest.set({ queue: c.queue }, c.oldestQueuedSeconds);
    }
    return counts;
  };
  return { registry, snapshot };
}
