export { createDatabase, type Database, type DbClient } from "./client/create-client";
export { initDatabase } from "./client/singleton";
export { withActor } from "./outbox/context";
export type { PendingEvent } from "./outbox/write-events";
export { toEnvelope, type OutboxEnvelopeRow } from "./outbox/outbox-envelope";
export { Prisma } from "./generated/prisma/client";
export type { User, Extension } from "./generated/prisma/client";
export type { Call, ExtensionStatus, TrunkStatus, PbxConnection, CallResult, PbxConnectionStatus } from "./generated/prisma/client";
export { enforce, DomainError, type NotFoundSubject, notFoundMessage, badRequest, conflict, notFound, translatePrismaError } from "./services/errors";
export { actorOf, type ActingViewer } from "./services/viewer";
export { invalidInput, parseInput, parseId } from "./services/parse-input";
export { isStaleVersionError } from "./services/versioned";
export {
  listExtensions,
  getExtension,
  createExtension,
  updateExtension,
  deleteExtension,
  type ServiceDeps,
  extensionListQuerySchema
} from "./services/extensions";
export { listTrunks, getTrunk, createTrunk, updateTrunk, deleteTrunk, trunkListQuerySchema } from "./services/trunks";
export { listApiTokens, createApiToken, revokeApiToken, authenticateApiToken, apiTokenCreateSchema } from "./services/api-tokens";
export { signIn, findSessionUser } from "./services/sign-in";
export { listOrgStaff, currentSeq, getOrganization, countDashboard } from "./services/org";
export { listOffices, setOfficeMembers, findOfficeOrgId } from "./services/offices";
export { listNotifications, countUnreadNotifications, markNotificationRead, markAllNotificationsRead } from "./services/notifications";
export { listTickets, getTicket, listTicketReplies, ticketListQuerySchema, replyListQuerySchema } from "./services/tickets";
export { createTicket } from "./services/tickets-create";
export { replyToTicket } from "./services/tickets-reply";
export { updateTicket } from "./services/tickets-change";
export { findTicketAccess } from "./services/tickets-access";
export { listActiveCalls, listCalls, getCall, listCallDirectory, callListQuerySchema } from "./services/calls-read";
export { countCallFigures, listExtensionStatuses, listTrunkStatuses, type CallFigures } from "./services/calls-read-figures";
export { readOrgSnapshot } from "./services/snapshot";
export { listCustomerOptions, findCallSummary, type CustomerOption, type CallSummary } from "./services/tickets-form-options";
export { findControllableCall, isTransferTarget, isPbxConnected, type ControllableCall } from "./services/calls-control";
export { toJobView, jobIncludes } from "./views/job-view";
export { toWebhookEndpointView, toWebhookDeliveryView, webhookEndpointIncludes } from "./views/webhook-view";
export type { Job, WebhookEndpoint } from "./generated/prisma/client";
