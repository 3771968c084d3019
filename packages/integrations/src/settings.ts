import { z } from "zod";
import { positiveInt } from "@switchboard/config";
import type { QueueSettings } from "./queue/queues";

/** Variables of every process that runs or enqueues jobs (each app's env.ts spreads this in). */
export const integrationsEnvShape = {
  /** A webhook delivery's whole exchange, milliseconds. */
  WEBHOOK_TIMEOUT_MS: positiveInt.max(60_000, "must be at most 60000").default(10_000),
  /** Bytes of a receiver's answer read at most. */
  WEBHOOK_RESPONSE_MAX_BYTES: positiveInt.max(1_048_576, "must be at most 1048576").default(65_536),
  /** First retry delay of a failing endpoint; doubles per attempt with jitter. */
  WEBHOOK_RETRY_DELAY_SECONDS: positiveInt.default(10),
  WEBHOOK_RETRY_MAX_DELAY_SECONDS: positiveInt.default(3600),
  /** An endpoint failing this long is disabled and its organization's admins are notified. */
  WEBHOOK_GIVE_UP_AFTER_SECONDS: positiveInt.default(86_400),
  /** How long an export's file is offered for download. */
  EXPORT_TTL_HOURS: positiveInt.max(24 * 30, "must be at most 720").default(24),
  /** A running job whose worker sends no heartbeat for this long is handed to another worker (≥ 10). */
  JOB_HEARTBEAT_SECONDS: z.coerce.number().int().min(10, "must be at least 10").default(30),
  /** How often a worker looks for lapsed heartbeats, expired jobs and retention work. */
  JOB_SUPERVISE_SECONDS: positiveInt.max(600, "must be at most 600").default(30)
};

type IntegrationsEnv = z.infer<z.ZodObject<typeof integrationsEnvShape>>;

export interface IntegrationSettings {
  webhook: { timeoutMs: number; maxResponseBytes: number; giveUpAfterMs: number };
  exportTtlMs: number;
  queue: QueueSettings;
  superviseIntervalSeconds: number;
}

export function resolveIntegrationSettings(env: IntegrationsEnv): IntegrationSettings {
  return {
    webhook: { timeoutMs: env.WEBHOOK_TIMEOUT_MS, maxResponseBytes: env.WEBHOOK_RESPONSE_MAX_BYTES, giveUpAfterMs: env.WEBHOOK_GIVE_UP_AFTER_SECONDS * 1000 },
    exportTtlMs: env.EXPORT_TTL_HOURS * 3_600_000,
    queue: {
      webhookRetry: { delaySeconds: env.WEBHOOK_RETRY_DELAY_SECONDS, maxDelaySeconds: env.WEBHOOK_RETRY_MAX_DELAY_SECONDS },
      heartbeatSeconds: env.JOB_HEARTBEAT_SECONDS
    },
    superviseIntervalSeconds: env.JOB_SUPERVISE_SECONDS
  };
}

/** The defaults, as the environment would give them with nothing set. */
export const DEFAULT_INTEGRATION_SETTINGS: IntegrationSettings = resolveIntegrationSettings(z.object(integrationsEnvShape).parse({}));
