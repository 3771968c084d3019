// AMI
export { ConnectorSupervisor } from "./ami/connector-supervisor";
export { extensionNumberSchema, CALL_CONTROL_ERRORS, type QueueControlRequest, type CallControlErrorCode } from "./ami/call-control";
export { applyQueueControlLocally } from "./control/local-queue-control";
// Call control transport (web ↔ supervisor)
export { inProcessGateway, offGateway, withSimulatedOrg, type CallControlGateway } from "./control/call-control-gateway";
export { createRedisCallControlClient, serveCallControl } from "./control/call-control-bus";
export { buildPbxStats, createPbxOpsHandler, type PbxStats } from "./ops/pbx-stats";
// Tracker
export { createTrackerStats, type TrackerStats } from "./tracker/tracker-stats";
// Webhooks
export { handlePbxWebhook, webhookHttpStatus, type WebhookResult } from "./webhook/handle-pbx-webhook";
export { signWebhook, SIGNATURE_HEADER } from "./webhook/webhook-signature";
export { createPbxWebhook } from "./webhook/pbx-webhook-settings";
// Simulator
export { startSimulator, type Simulator } from "./simulator/start-simulator";
// Integration settings (admin)
export { getPbxIntegration, savePbxConnection, rotatePbxWebhookSecret } from "./integrations/pbx-integration-settings";
