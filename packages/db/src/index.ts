export * from "./client/create-client";
export * from "./client/singleton";
export { withActor, currentActor } from "./outbox/context";
export type { PendingEvent } from "./outbox/write-events";
export { eventModels } from "./outbox/event-models";
export { toEnvelope, type OutboxEnvelopeRow } from "./outbox/outbox-envelope";
export { runMigrations } from "./migrations/run-migrations";
export { readMigrationFiles } from "./migrations/migration-files";
export { toExtensionView } from "./views/extension-view";
export { toTrunkView } from "./views/trunk-view";
export { toCallView, toCallTimelineEntry, toCallEventData } from "./views/call-view";
export { toExtensionStatusView, toTrunkStatusView, toPbxConnectionStatusView } from "./views/pbx-status-view";
export { toStaffTicketView, toCustomerTicketView, toTicketViewFor, toTicketEventData } from "./views/ticket-view";
export { toTicketReplyView, toReplyEventData } from "./views/ticket-reply-view";
export { toTicketActivityView } from "./views/ticket-activity-view";
export { toNotificationView } from "./views/ticket-notification-view";
export { toJobView, jobIncludes } from "./views/job-view";
export { toWebhookEndpointView, toWebhookDeliveryView, webhookEndpointIncludes } from "./views/webhook-view";
export { Prisma } from "./generated/prisma/client";
export type { Organization, User, Extension, Trunk, ApiToken, OutboxEvent, Role, Transport } from "./generated/prisma/client";
export type {
  Call,
  CallEvent,
  ExtensionStatus,
  TrunkStatus,
  PbxConnection,
  PbxWebhook,
  PbxWebhookDelivery,
  CallDirection,
  CallState,
  CallResult,
  DeviceState,
  RegistrationState,
  TrunkRegistration,
  PbxConnectionStatus,
  Office,
  OfficeMember,
  Ticket,
  TicketReply,
  TicketActivity,
  TicketStatus,
  TicketPriority,
  NotificationKind,
  Job,
  JobFile,
  JobKind,
  JobState,
  WebhookEndpoint,
  WebhookDelivery
} from "./generated/prisma/client";
export * from "./services/index";
