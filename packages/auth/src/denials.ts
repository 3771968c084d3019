import {
  canControlCalls,
  canCreateTicket,
  canManageExtensions,
  canManageOffices,
  canManageOwnApiTokens,
  canManagePbxIntegration,
  canManageTrunks,
  canOpenTicketOnBehalf,
  canReadCalls,
  canReadExtensions,
  canReadTrunks,
  canChangeTickets,
  canExportData,
  canImportExtensions,
  canManageWebhooks,
  canReadJobs,
  canManageQueues,
  canManageCannedReplies,
  canReadCannedReplies,
  canReadQueues,
  isStaff
} from "./policy";
import type { Viewer } from "./viewer";
import { canCreateCustomers, canImportUsers, canManageOrganization, canManageUsers, canReadActivity, canReadUsers } from "./user-policy";

/**
 * A rule a whole operation is subject to: the policy function that decides it and the one message
 * a refusal carries, wherever it is refused (service, server action, REST handler, API document).
 */
export interface PolicyRule {
  readonly allows: (viewer: Viewer) => boolean;
  readonly denial: string;
}

function rule(allows: (viewer: Viewer) => boolean, denial: string): PolicyRule {
  return { allows, denial };
}

export const RULES = {
  readExtensions: rule(canReadExtensions, "your role cannot see extensions"),
  manageExtensions: rule(canManageExtensions, "only admins and supervisors may change extensions"),
  readTrunks: rule(canReadTrunks, "your role cannot see trunks"),
  manageTrunks: rule(canManageTrunks, "only admins may change trunks"),
  readCalls: rule(canReadCalls, "your role cannot see calls"),
  controlCalls: rule(canControlCalls, "only admins and supervisors may hang up or transfer calls"),
  managePbxIntegration: rule(canManagePbxIntegration, "only admins may configure the PBX integration"),
  holdApiTokens: rule(canManageOwnApiTokens, "your role cannot hold API tokens"),
  manageOffices: rule(canManageOffices, "only admins may manage offices"),
  createTickets: rule(canCreateTicket, "you may not open tickets"),
  openTicketsOnBehalf: rule(canOpenTicketOnBehalf, "only staff may open a ticket on a customer's behalf"),
  changeTickets: rule(canChangeTickets, "customers cannot change a ticket's status, priority, office or assignee"),
  manageWebhooks: rule(canManageWebhooks, "only admins may manage webhooks"),
  importExtensions: rule(canImportExtensions, "only admins may import extensions"),
  importUsers: rule(canImportUsers, "only admins and supervisors may import users"),
  /** Any import at all (the kind's own rule decides the rest). */
  startImports: rule((v) => canImportExtensions(v) || canImportUsers(v), "only admins and supervisors may import"),
  exportData: rule(canExportData, "your role cannot export calls or tickets"),
  readJobs: rule(canReadJobs, "your role cannot see jobs"),
  readUsers: rule(canReadUsers, "customers cannot see the team"),
  manageUsers: rule(canManageUsers, "only admins and supervisors may change users"),
  createCustomers: rule(canCreateCustomers, "only staff may add customer accounts"),
  readActivity: rule(canReadActivity, "only admins may see the activity log"),
  manageOrganization: rule(canManageOrganization, "only admins may change the organization's settings"),
  readQueues: rule(canReadQueues, "your role cannot see queues"),
  manageQueues: rule(canManageQueues, "only admins may manage queues and pause reasons"),
  readCannedReplies: rule(canReadCannedReplies, "only staff may use canned replies"),
  manageCannedReplies: rule(canManageCannedReplies, "only admins and supervisors may change canned replies"),
  /** The operation as a whole; whose state it may be is canChangeAgentState (AGENT_DENIALS). */
  changeAgentStates: rule(isStaff, "your role cannot change agent states"),
  /** The dashboard's extension and trunk counts follow the extensions' read rule. */
  seeDashboardCounts: rule(canReadExtensions, "your role cannot see these counts")
} as const satisfies Record<string, PolicyRule>;

/**
 * Refusals of one field of a ticket operation (the rest of the request may be fine); each goes in
 * the error's `fields` under the field's name.
 */
export const TICKET_FIELD_DENIALS = {
  status: "you may not change this ticket's status",
  priority: "you may not change this ticket's priority",
  officeId: "only supervisors and admins may move a ticket to another office",
  assigneeId: "you may not assign this ticket",
  internal: "only staff may add internal notes",
  /** Opening a ticket with a staff-only field (priority, assignee, customer, call). */
  staffOnlyField: "only staff may set this",
  /** Listing tickets by a staff-only filter or sort. */
  staffOnlyFilter: "only staff may filter by this",
  staffOnlySort: "only staff may sort by this"
} as const;

/** Refusals of one change to one user; the field they concern is named where there is one. */
export const USER_DENIALS = {
  manage: "supervisors may only change agents and customers",
  ownRole: "nobody may change their own role",
  ownStatus: "you cannot deactivate or reactivate yourself",
  role: (allowed: readonly string[]) =>
    allowed.length ? `your role may only give the role${allowed.length > 1 ? "s" : ""}: ${allowed.join(", ")}` : "your role may not give roles",
  lastAdmin: "the organization's last active admin can be neither demoted nor deactivated",
  customerOffices: "customers do not belong to offices"
};

/** Refusals of an agent-state change for the agent it names. */
export const AGENT_DENIALS = {
  notOwn: "agents may only change their own queue state"
} as const;
