import { callControlRoutes } from "@/features/call-control/server/call-control-routes";
import { queueRoutes } from "@/features/queues/server/queue-routes";
import { definePublicRoute, type ApiRoute } from "./api-route";
import { callRoutes } from "./call-routes";
import { extensionRoutes } from "./extension-routes";
import { healthRoute } from "./health";
import { jobRoutes } from "./job-routes";
import { openApiResponse } from "./openapi/openapi-response";
import { ticketRoutes } from "./ticket-routes";
import { trunkRoutes } from "./trunk-routes";
import { webhookRoutes } from "./webhook-routes";
import { activityRoutes } from "./activity-routes";
import { invitationRoutes } from "./invitation-routes";
import { officeRoutes } from "./office-routes";
import { userRoutes } from "./user-routes";

const openApiRoute = definePublicRoute({
  method: "GET",
  path: "/api/v1/openapi.json",
  tag: "Service",
  operationId: "getOpenApiDocument",
  summary: "This document (OpenAPI 3.1, no credentials)",
  success: { status: 200, description: "The OpenAPI document of /api/v1" },
  handle: async () => openApiResponse(Object.values(apiRoutes))
});

/**
 * Every operation of /api/v1, by operationId. Route files export these handlers and the API
 * document is generated from these entries (openapi.test.ts holds the two together).
 */
export const apiRoutes = {
  listExtensions: extensionRoutes.list,
  createExtension: extensionRoutes.create,
  getExtension: extensionRoutes.get,
  updateExtension: extensionRoutes.patch,
  replaceExtension: extensionRoutes.put,
  deleteExtension: extensionRoutes.remove,
  listTrunks: trunkRoutes.list,
  createTrunk: trunkRoutes.create,
  getTrunk: trunkRoutes.get,
  updateTrunk: trunkRoutes.patch,
  replaceTrunk: trunkRoutes.put,
  deleteTrunk: trunkRoutes.remove,
  listCalls: callRoutes.list,
  getCall: callRoutes.get,
  hangUpCall: callControlRoutes.hangup,
  transferCall: callControlRoutes.transfer,
  listTickets: ticketRoutes.list,
  createTicket: ticketRoutes.create,
  getTicket: ticketRoutes.get,
  updateTicket: ticketRoutes.patch,
  listTicketReplies: ticketRoutes.replies,
  replyToTicket: ticketRoutes.reply,
  downloadAttachment: ticketRoutes.attachment,
  listWebhooks: webhookRoutes.list,
  createWebhook: webhookRoutes.create,
  getWebhook: webhookRoutes.get,
  updateWebhook: webhookRoutes.patch,
  deleteWebhook: webhookRoutes.remove,
  rotateWebhookSecret: webhookRoutes.rotate,
  sendWebhookTest: webhookRoutes.test,
  listWebhookDeliveries: webhookRoutes.deliveries,
  listJobs: jobRoutes.list,
  getJob: jobRoutes.get,
  cancelJob: jobRoutes.cancel,
  previewImport: jobRoutes.previewImport,
  startImport: jobRoutes.startImport,
  startExport: jobRoutes.startExport,
  downloadExport: jobRoutes.exportFile,
  listUsers: userRoutes.list,
  createCustomer: userRoutes.create,
  getUser: userRoutes.get,
  updateUser: userRoutes.update,
  sendSignInLink: userRoutes.signInLink,
  signOutEverywhere: userRoutes.endSessions,
  listInvitations: invitationRoutes.list,
  createInvitation: invitationRoutes.create,
  revokeInvitation: invitationRoutes.revoke,
  listOffices: officeRoutes.list,
  createOffice: officeRoutes.create,
  getOffice: officeRoutes.get,
  renameOffice: officeRoutes.update,
  setOfficeMembers: officeRoutes.members,
  deleteOffice: officeRoutes.remove,
  listActivity: activityRoutes.list,
  exportActivity: activityRoutes.export,
  listQueues: queueRoutes.list,
  listQueueIntervals: queueRoutes.intervals,
  changeAgentState: queueRoutes.agentState,
  getHealth: healthRoute,
  getOpenApiDocument: openApiRoute
} satisfies Record<string, ApiRoute>;
