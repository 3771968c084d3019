import type { Queue } from "pg-boss";

/** Every queue the app uses, by name. A dead-letter queue per queue holds jobs that ran out of retries. */
export const QUEUES = {
  /** Deliver an endpoint's pending events in seq order (one job at a time per endpoint). */
  webhookDeliver: "webhook-deliver",
  /** One delivery outside the endpoint's sequence: a test event or a redelivery. */
  webhookSendOnce: "webhook-send-once",
  /** CSV imports of every kind (the name predates users imports; queued jobs keep their queue). */
  imports: "import-extensions",
  exportCsv: "export-csv"
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const deadLetterOf = (name: QueueName) => `${name}-dead`;

interface RetryTimings {
  /** First retry delay, seconds (pg-boss doubles it per attempt, with jitter). */
  delaySeconds: number;
  /** Longest delay between two retries, seconds. */
  maxDelaySeconds: number;
}

export interface QueueSettings {
  webhookRetry: RetryTimings;
  /** How long a job may run without a heartbeat before it is given to another worker, seconds (≥ 10). */
  heartbeatSeconds: number;
}

/** Each queue's policy, retries and dead letter. */
export function queueDefinitions(settings: QueueSettings): Record<QueueName, Omit<Queue, "name">> {
  const { webhookRetry, heartbeatSeconds } = settings;
  return {
    // exclusive: one job per endpoint (singletonKey) whether waiting, backing off or running, so an
    // endpoint's events are delivered by one worker at a time, in order, whatever the number of
    // replicas, and a failing endpoint waits out its backoff. Events committed while its job runs
    // are picked up by that job's next read or by the dispatcher's next poll. Retries are bounded
    // by time (the endpoint's give-up period), so the count is only a ceiling.
    [QUEUES.webhookDeliver]: {
      policy: "exclusive",
      retryLimit: 10_000,
      retryDelay: webhookRetry.delaySeconds,
      retryBackoff: true,
      retryDelayMax: webhookRetry.maxDelaySeconds,
      heartbeatSeconds,
      deadLetter: deadLetterOf(QUEUES.webhookDeliver)
    },
    [QUEUES.webhookSendOnce]: { retryLimit: 0, heartbeatSeconds, deadLetter: deadLetterOf(QUEUES.webhookSendOnce) },
    [QUEUES.imports]: {
      retryLimit: 2,
      retryDelay: 2,
      retryBackoff: true,
      heartbeatSeconds,
      deadLetter: deadLetterOf(QUEUES.imports)
    },
    [QUEUES.exportCsv]: { retryLimit: 2, retryDelay: 2, retryBackoff: true, heartbeatSeconds, deadLetter: deadLetterOf(QUEUES.exportCsv) }
  };
}
