export { expectedVersionField, type CurrentVersion, type FieldChanges } from "./domain/versioned";
export { roleSchema, type Role, transportSchema, type Transport, CODECS, uuidSchema } from "./domain/common";
export {
  extensionCreateSchema,
  extensionUpdateSchema,
  type ExtensionCreateInput,
  type ExtensionUpdateInput,
  extensionViewSchema,
  type ExtensionView
} from "./domain/extension";
export { trunkCreateSchema, trunkUpdateSchema, type TrunkCreateInput, type TrunkUpdateInput, trunkViewSchema, type TrunkView } from "./domain/trunk";
export {
  CALL_DIRECTIONS,
  callDirectionSchema,
  type CallDirection,
  type CallState,
  CALL_RESULTS,
  callResultSchema,
  type CallResult,
  type CallTimelineKind,
  registrationStateSchema,
  type RegistrationState,
  deviceStateSchema,
  type DeviceState,
  trunkRegistrationSchema,
  type TrunkRegistration,
  type PbxConnectionStatus,
  callViewSchema,
  type CallView,
  callTimelineEntrySchema,
  type CallTimelineEntry,
  type CallEventData,
  type ExtensionStatusView,
  type TrunkStatusView,
  type PbxConnectionStatusView,
  type CallDirectoryEntry,
  type CallDirectory,
  type CallDetail
} from "./domain/call";
export {
  slaDueAt,
  ticketPublicId,
  TICKET_STATUSES,
  type TicketStatus,
  TICKET_PRIORITIES,
  type TicketPriority,
  type NotificationKind,
  type AttachmentMeta,
  ticketCreateSchema,
  type TicketCreateInput,
  STAFF_ONLY_CREATE_FIELDS,
  ticketChangeSchema,
  type TicketChangeInput,
  replyCreateSchema,
  type ReplyCreateInput,
  staffTicketViewSchema,
  type StaffTicketView,
  customerTicketViewSchema,
  type CustomerTicketView,
  ticketViewSchema,
  type TicketView,
  ticketReplyViewSchema,
  type TicketReplyView,
  ticketActivityViewSchema,
  type TicketActivityView,
  type TicketDetail,
  type OfficeView,
  type NotificationView
} from "./domain/ticket";
export { type UserOption } from "./domain/user";
export { type ApiTokenView } from "./domain/api-token";
export { pbxConnectionInputSchema, type PbxConnectionInput, type PbxConnectionSettingsView, type PbxIntegrationView } from "./domain/pbx-integration";
export { type Actor, envelopeSchema } from "./events/envelope";
export { parseEventData, type EventType, type EventData, type DomainEvent } from "./events/domain-events";
export { type SubjectKind, type SubjectKindOf } from "./events/event-subjects";
export { type StaffTicketEventData, type StaffReplyEventData } from "./events/ticket-event-data";
export { type PresenceMember, type PresenceSnapshot, type PresenceChanged } from "./events/presence";
export {
  ticketPresenceLimits,
  ticketWatchSchema,
  ticketTypingSchema,
  ticketUnwatchSchema,
  ticketObserveSchema,
  type TicketWatcher,
  type TicketViewers
} from "./events/ticket-presence";
export {
  type Ack,
  type AckError,
  type AckCallback,
  roomRequestSchema,
  syncRequestSchema,
  type ResyncReason,
  type ServerStatus,
  type SyncDone,
  type SyncResult,
  type ConnectErrorCode,
  type ConnectErrorData,
  type ServerToClientEvents,
  type ClientToServerEvents,
  type InterServerEvents,
  type SocketData,
  handshakeAuthSchema
} from "./socket";
export { pageSchemaOf, dataSchemaOf, type ApiErrorCode, apiErrorBodySchema, type ApiErrorBody, type Page } from "./api";
export * from "./domain/job";
export * from "./domain/webhook";
export * from "./domain/webhook-input";
