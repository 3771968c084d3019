import type { Logger } from "pino";
import type { DbClient } from "@switchboard/db";
import type { JobQueue } from "../queue/job-queue";
import { QUEUES } from "../queue/queues";

/**
 * Finds every enabled endpoint whose organization has events past the endpoint's position and
 * makes sure a delivery job exists for it (the queue keeps one per endpoint; a job already waiting,
 * running or backing off makes this a no-op). Runs after local commits and on a short poll, so it
 * also picks up what other processes committed.
 */
async function dispatchWebhooks(db: DbClient, queue: JobQueue): Promise<number> {
  const behind = await db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT e.id::text AS id FROM webhook_endpoints e
       JOIN org_sequences s ON s.organization_id = e.organization_id
      WHERE e.enabled AND e.position < s.value`
  );
  let queued = 0;
  for (const { id } of behind) if (await queue.send(QUEUES.webhookDeliver, { endpointId: id }, { singletonKey: id })) queued++;
  return queued;
}

export interface WebhookDispatcher {
  kick(): void;
  stop(): Promise<void>;
}

/** Runs dispatchWebhooks now and then: on kick (coalesced) and every `pollMs`. */
export function startWebhookDispatcher(db: DbClient, queue: JobQueue, logger: Logger, pollMs: number): WebhookDispatcher {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await dispatchWebhooks(db, queue).catch((error: unknown) =>
          logger.warn({ err: (error as Error).message }, "webhook dispatch failed; retrying on the next poll")
        );
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(run, pollMs);
  timer.unref();
  run();
  return {
    kick: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    }
  };
}
