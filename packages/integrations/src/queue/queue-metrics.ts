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
  let ok = 0;
  let inFlight: Promise<QueueCounts[]> | null = null;
  // prom-client collects every metric of a scrape at once: they share one read of the counts.
  const refresh = (): Promise<QueueCounts[]> => {
    inFlight ??= collectQueueMetrics(db)
      .then((counts) => {
        ok = 1;
        for (const c of counts) {
          gauges.queued.set({ queue: c.queue }, c.queued);
          gauges.running.set({ queue: c.queue }, c.running);
          gauges.failed.set({ queue: c.queue }, c.failed);
          gauges.oldest.set({ queue: c.queue }, c.oldestQueuedSeconds);
        }
        return counts;
      })
      .catch((error: unknown) => {
        ok = 0;
        throw error;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  const collect = async () => {
    await refresh().catch(() => undefined);
  };
  const gauge = (name: string, help: string) => new Gauge({ name, help, labelNames: ["queue"], registers: [registry], collect });
  const gauges = {
    queued: gauge("switchboard_jobs_queued", "Jobs waiting to run (including retries)"),
    running: gauge("switchboard_jobs_running", "Jobs running now"),
    failed: gauge("switchboard_jobs_failed", "Failed jobs still retained"),
    oldest: gauge("switchboard_jobs_oldest_queued_seconds", "Age of the oldest waiting job")
  };
  new Gauge({
    name: "switchboard_jobs_scrape",
    help: "1 when the queue counts could be read",
    registers: [registry],
    async collect() {
      await collect();
      this.set(ok);
    }
  });
  return { registry, snapshot: refresh };
}
