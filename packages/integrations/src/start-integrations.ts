import type { Logger } from "pino";
import type { SecretBox } from "@switchboard/auth";
import type { Database } from "@switchboard/db";
import { EgressGuard, type EgressPolicy } from "@switchboard/egress";
import { startJobQueue } from "./queue/job-queue";
import { createQueueMetrics, type QueueMetrics } from "./queue/queue-metrics";
import type { IntegrationSettings } from "./settings";
import type { IntegrationDeps, InvitationMail } from "./webhooks/deps";
import { startJobWorker, type JobWorker } from "./worker/start-job-worker";

export interface Integrations {
  deps: IntegrationDeps;
  /** Present when this process runs the jobs (the worker, or `npm start`). */
  worker: JobWorker | undefined;
  metrics: QueueMetrics;
  /** Stops taking jobs and lets running ones finish (graceful), then closes the queue. */
  stop(timeoutMs?: number): Promise<void>;
}

/**
 * The queue for a process: every process that starts jobs enqueues through it; the one that runs
 * them (`npm run worker` replicas, or the single process of `npm start`) also starts the worker.
 */
export async function startIntegrations(options: {
  database: Database;
  box: SecretBox;
  logger: Logger;
  settings: IntegrationSettings;
  egress: EgressPolicy;
  runWorker: boolean;
  webhookConcurrency?: number;
  /** Mails invitations that jobs create (users imports); without it they are only offered as links. */
  sendInvitation?: (mail: InvitationMail) => Promise<boolean>;
}): Promise<Integrations> {
  const { database, logger, settings } = options;
  const queue = await startJobQueue({
    database,
    logger,
    settings: settings.queue,
    supervise: options.runWorker,
    superviseIntervalSeconds: settings.superviseIntervalSeconds
  });
  const deps: IntegrationDeps = {
    db: database.client,
    box: options.box,
    queue,
    egress: new EgressGuard(options.egress),
    settings,
    ...(options.sendInvitation ? { sendInvitation: options.sendInvitation } : {})
  };
  const worker = options.runWorker
    ? await startJobWorker({ deps, database, logger, ...(options.webhookConcurrency ? { webhookConcurrency: options.webhookConcurrency } : {}) })
    : undefined;
  return {
    deps,
    worker,
    metrics: createQueueMetrics(database.client),
    stop: (timeoutMs = 20_000) => (worker ? worker.stop(timeoutMs) : queue.stop({ graceful: false, timeoutMs }))
  };
}
