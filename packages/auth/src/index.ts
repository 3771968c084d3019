export { hashPassword, verifyPassword, getDummyHash } from "./password";
export { createSecretBox, secretHint, type SecretBox } from "./secrets";
export {
  canReadExtensions,
  canManageExtensions,
  canReadTrunks,
  canManageTrunks,
  canReadCalls,
  canControlCalls,
  canManagePbxIntegration,
  canManageOwnApiTokens,
  canSeePresence,
  canSeeJob,
  canReadJobs,
  canImportExtensions,
  canExportData,
  canManageWebhooks,
  viewEventFor,
  canJoinRoom,
  isStaff,
  type Viewer,
  type RoomKind,
  ticketScope,
  canReadTicket,
  canOpenTicketOnBehalf,
  canSeeInternalTicketData,
  canReplyToTicket,
  canAddInternalNote,
  canChangeTicketStatus,
  canChangeTicketPriority,
  canAssignTicket,
  canChangeTicketOffice,
  canBeAssigned,
  canSeeOfficeMembers,
  type TicketAccess
} from "./policy";
export { type PolicyRule, RULES, TICKET_FIELD_DENIALS } from "./denials";
export { verifySessionCookie, mintRealtimeToken, verifyRealtimeToken, type SessionUser, type SessionResult } from "./session";
export { generateApiToken, hashApiToken, looksLikeApiToken } from "./api-token";
