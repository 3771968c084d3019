// AMI
export { AmiFrameParser, type ParserStats } from "./ami/frame-parser";
export type { AmiMessage } from "./ami/ami-message";
export { AmiClient, type ActionResult, type AmiClientOptions } from "./ami/ami-client";
export { AmiAuthError, AmiActionError } from "./ami/ami-errors";
export { AmiConnector, type AmiConnectorOptions, type ConnectorStats } from "./ami/ami-connector";
export { ConnectorSupervisor, type SupervisorOptions } from "./ami/connector-supervisor";
export {
  callControlRequestSchema,
  extensionNumberSchema,
  CALL_CONTROL_ERRORS,
  type CallControlRequest,
  type CallControlResult,
  type CallControlErrorCode
} from "./ami/call-control";
// Call control transport (web ↔ supervisor)
export {
  inProcessGateway,
  offGateway,
  withSimulatedOrg,
  withTimeout,
  CALL_CONTROL_TIMEOUT_MS,
  type CallControlGateway,
  type CallControlTarget
} from "./control/call-control-gateway";
export { createRedisCallControlClient, serveCallControl, type CallControlBusOptions } from "./control/call-control-bus";
export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from "./ami/backoff";
export { buildPbxStats, createPbxOpsHandler, type PbxStats, type PbxStatsSources, type PbxTotals } from "./ops/pbx-stats";
// Tracker
export { CallTracker, type CallTrackerOptions } from "./tracker/call-tracker";
export { callOpSchema, statusOpSchema, partySchema, type CallOp, type StatusOp, type Party } from "./tracker/call-ops";
export { applyCallOp, type ApplyOutcome, type StoreDeps } from "./tracker/call-store";
export { applyStatusOp } from "./tracker/status-store";
export { Directory, endpointSlug } from "./tracker/directory";
export { createTrackerStats, type TrackerStats } from "./tracker/tracker-stats";
// Webhooks
export { handlePbxWebhook, webhookHttpStatus, REPLAY_WINDOW_SECONDS, type WebhookResult, type WebhookDeps } from "./webhook/handle-pbx-webhook";
export { webhookEventSchema, type WebhookEvent } from "./webhook/webhook-body";
export { signWebhook, computeSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./webhook/webhook-signature";
export { pruneWebhookDeliveries, DELIVERY_RETENTION_MS } from "./webhook/webhook-deliveries";
export { createPbxWebhook } from "./webhook/pbx-webhook-settings";
// Simulator
export { startSimulator, type Simulator, type SimulatorOptions } from "./simulator/start-simulator";
// Integration settings (admin)
export { getPbxIntegration, savePbxConnection, rotatePbxWebhookSecret } from "./integrations/pbx-integration-settings";
