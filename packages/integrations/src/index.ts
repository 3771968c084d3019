export { integrationsEnvShape, resolveIntegrationSettings, type IntegrationSettings } from "./settings";
export type { IntegrationDeps, InvitationMail } from "./webhooks/deps";
export * from "./webhooks/webhook-services";
export * from "./bulk/job-services";
export { IMPORT_MAX_BYTES } from "./bulk/csv-table";
export { startIntegrations, type Integrations } from "./start-integrations";
export { createJobsOpsHandler } from "./ops/jobs-ops-handler";
