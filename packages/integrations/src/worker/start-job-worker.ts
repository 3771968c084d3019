import type { Logger } from "pino";
import { z } from "zod";
import type { Database } from "@switchboard/db";
import { deadLetterOf, QUEUES } from "../queue/queues";
import type { IntegrationDeps } from "../webhooks/deps";
import { deliverEndpoint } from "../webhooks/deliver-endpoint";
import { startWebhookDispatcher, type WebhookDispatcher } from "../webhooks/dispatch-webhooks";
import { sendOnce, sendOnceJobSchema } from "../webhooks/send-once";
import { failImportJob, runImportJob } from "../bulk/import-runner";
import { failExportJob, runExportJob } from "../bulk/export-runner";
import { pruneIntegrationRecords } from "../bulk/job-files";

export interface JobWorkerOptions {
  deps: IntegrationDeps;
  database: Pick<Database, "notifier">;
  logger: Logger;
  /** How often endpoints are checked for undelivered events (ms); local commits also trigger it. */
  dispatchPollMs?: number;
  /** Parallel webhook deliveries (different endpoints) in this process. */
  webhookConcurrency?: number;
}

export interface JobWorker {
  /** Stops taking jobs, lets running ones finish (up to timeoutMs; the rest are handed back when their heartbeat lapses). */
  stop(timeoutMs?: number): Promise<void>;
  dispatcher: WebhookDispatcher;
}

const withEndpoint = z.object({ endpointId: z.string() });
const withJob = z.object({ jobId: z.string() });

/**
 * Runs every queue's handlers in this process: `npm run worker` in a cluster (as many replicas as
 * wanted: the queue hands each job to one of them), or inside `npm start`. Also watches for
 * undelivered webhook events, and deletes expired export files, old delivery logs and old jobs.
 */
export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const { deps, logger } = options;
  const log = logger.child({ component: "job-worker" });
  const boss = deps.queue.boss;
  const poll = { pollingIntervalSeconds: 0.5 };

  await boss.work(QUEUES.webhookDeliver, { ...poll, localConcurrency: options.webhookConcurrency ?? 4 }, async ([job]) => {
    if (!job) return;
    await deliverEndpoint(deps, withEndpoint.parse(job.data).endpointId, log);
  });
  await boss.work(QUEUES.webhookSendOnce, poll, async ([job]) => {
    if (job) await sendOnce(deps, sendOnceJobSchema.parse(job.data));
  });
  const bulk = (queue: string, run: (jobId: string, signal: AbortSignal) => Promise<void>) =>
    boss.work(queue, poll, async ([job]) => {
      if (!job) return;
      const { jobId } = withJob.parse(job.data);
      try {
        await run(jobId, job.signal);
      } catch (error) {
        // pg-boss records the failure only in its own table: say here why the attempt ended.
        log.warn({ queue, jobId, attempt: job.retryCount, err: error }, "job attempt failed; the queue retries it or dead-letters it");
        throw error;
      }
    });
  await bulk(QUEUES.imports, (jobId, signal) => runImportJob(deps, jobId, log, signal));
  await bulk(deadLetterOf(QUEUES.imports), (jobId) => failImportJob(deps, jobId, "the import stopped and could not be resumed"));
  await bulk(QUEUES.exportCsv, (jobId, signal) => runExportJob(deps, jobId, log, signal));
  await bulk(deadLetterOf(QUEUES.exportCsv), (jobId) => failExportJob(deps, jobId, "the export failed repeatedly"));

  const dispatcher = startWebhookDispatcher(deps.db, deps.queue, log, options.dispatchPollMs ?? 1000);
  const onCommitted = () => dispatcher.kick();
  options.database.notifier.on("committed", onCommitted);
  const cleanup = setInterval(() => {
    pruneIntegrationRecords(deps.db).catch((error: unknown) => log.warn({ err: (error as Error).message }, "pruning expired files and old records failed"));
  }, 10 * 60_000);
  cleanup.unref();
  log.info("job worker started");

  return {
    dispatcher,
    async stop(timeoutMs = 20_000) {
      options.database.notifier.off("committed", onCommitted);
      clearInterval(cleanup);
      await dispatcher.stop();
      await deps.queue.stop({ graceful: true, timeoutMs });
    }
  };
}
