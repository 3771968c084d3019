export { startJobQueue, type JobQueue } from "./queue/job-queue";
export { collectQueueMetrics, createQueueMetrics, type QueueMetrics } from "./queue/queue-metrics";
export { integrationsEnvShape, resolveIntegrationSettings, type IntegrationSettings } from "./settings";
export type { IntegrationDeps } from "./webhooks/deps";
export { startJobWorker, type JobWorker } from "./worker/start-job-worker";
export * from "./webhooks/webhook-services";
export * from "./bulk/job-services";
export { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "./bulk/extension-csv";
export { startIntegrations, type Integrations } from "./start-integrations";
