import type { DomainEvent } from "@switchboard/contracts";
import { viewNotificationEvent, viewReplyEvent, viewTicketEvent } from "./ticket-event-policy";
import { canReadQueues } from "./queue-policy";
import { canSeeOfficeMembers } from "./ticket-policy";
import { canReadUsers } from "./user-policy";
import { isStaff, sameOrg, type Viewer } from "./viewer";

/**
 * The one place that decides who may read, change and receive what. Pages, server actions, REST
 * handlers and the realtime server all call these functions; nothing else makes such decisions.
 * Ticket rules live in ticket-policy.ts / ticket-event-policy.ts, queue rules in queue-policy.ts and
 * people rules in user-policy.ts; the rule modules are exported from here too.
 */
export { isManager, isStaff, type Viewer } from "./viewer";
export * from "./ticket-policy";
export * from "./user-policy";
export * from "./queue-policy";

/** Extensions: every staff member reads; admins and supervisors (desk moves, new hires) change. */
export function canReadExtensions(viewer: Viewer): boolean {
  return isStaff(viewer);
}
export function canManageExtensions(viewer: Viewer): boolean {
  return viewer.role === "admin" || viewer.role === "supervisor";
}

/** Trunks: staff read (status matters to operators); only admins change carrier configuration. */
export function canReadTrunks(viewer: Viewer): boolean {
  return isStaff(viewer);
}
export function canManageTrunks(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

/** Live calls and extension/trunk status: every staff member watches the board. */
export function canReadCalls(viewer: Viewer): boolean {
  return isStaff(viewer);
}
/** Call control (hang up, transfer) from the board: admins and supervisors. */
export function canControlCalls(viewer: Viewer): boolean {
  return viewer.role === "admin" || viewer.role === "supervisor";
}
/** PBX integration settings (AMI credentials, webhook secrets): admins only. */
export function canManagePbxIntegration(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

/** API tokens act as their owner; anyone signed in may hold their own. */
export function canManageOwnApiTokens(viewer: Viewer): boolean {
  return viewer.role !== "customer";
}

/** Outgoing webhooks (URLs, signing secrets, delivery logs): admins only. */
export function canManageWebhooks(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

/** Bulk imports write many extensions at once: admins only. */
export function canImportExtensions(viewer: Viewer): boolean {
  return viewer.role === "admin";
}

/** Exports of calls and tickets: staff, each seeing in the file only what they may read. */
export function canExportData(viewer: Viewer): boolean {
  return isStaff(viewer);
}

/** Jobs: staff see the jobs they started; admins every job of their organization. */
export function canReadJobs(viewer: Viewer): boolean {
  return isStaff(viewer);
}
export function canSeeJob(viewer: Viewer, job: { orgId: string; createdById: string | null }): boolean {
  if (!sameOrg(viewer, job.orgId) || !isStaff(viewer)) return false;
  return viewer.role === "admin" || (job.createdById !== null && job.createdById === viewer.id);
}

export function canSeePresence(viewer: Viewer): boolean {
  return isStaff(viewer);
}

/**
 * What a viewer receives of a domain event: the event itself, a reduced copy, or null (nothing).
 * Replay and live delivery both go through here.
 */
export function viewEventFor(viewer: Viewer, event: DomainEvent): DomainEvent | null {
  if (!sameOrg(viewer, event.orgId)) return null;
  switch (event.type) {
    case "extension.created":
    case "extension.updated":
    case "extension.deleted":
      return canReadExtensions(viewer) ? event : null;
    case "trunk.created":
    case "trunk.updated":
    case "trunk.deleted":
      return canReadTrunks(viewer) ? event : null;
    case "extension.status_changed":
      return canReadExtensions(viewer) ? event : null;
    case "trunk.status_changed":
      return canReadTrunks(viewer) ? event : null;
    case "call.started":
    case "call.ringing":
    case "call.answered":
    case "call.held":
    case "call.resumed":
    case "call.transferred":
    case "call.ended":
    case "call.updated":
      return canReadCalls(viewer) ? event : null;
    case "pbx.status_changed":
      // Staff need to know whether live data (and call control) is available.
      return isStaff(viewer) ? event : null;
    case "ticket.created":
    case "ticket.updated":
    case "ticket.status_changed":
    case "ticket.assigned":
      return viewTicketEvent(viewer, event);
    case "ticket.reply_created":
      return viewReplyEvent(viewer, event);
    case "notification.created":
    case "notification.read":
      return viewNotificationEvent(viewer, event);
    case "job.queued":
    case "job.progress":
    case "job.completed":
    case "job.failed":
      return canSeeJob(viewer, { orgId: event.orgId, createdById: event.data.createdById }) ? event : null;
    case "webhook.created":
    case "webhook.updated":
    case "webhook.deleted":
    case "webhook.delivery_recorded":
      return canManageWebhooks(viewer) ? event : null;
    case "user.created":
    case "user.updated":
    case "user.joined":
    case "user.deactivated":
    case "user.reactivated":
    case "user.signed_in":
    case "user.sessions_revoked":
    case "user.deleted":
      // Staff see the team live; everyone sees their own account change.
      return canReadUsers(viewer) || viewer.id === event.data.id ? reduced(event, withoutSessionVersion) : null;
    case "office.created":
    case "office.updated":
      // Everyone picks a department by name; who belongs to it is for staff.
      return canSeeOfficeMembers(viewer) ? event : reduced(event, withoutMembers);
    case "office.deleted":
      return event;
    case "call_control.requested":
      return canReadCalls(viewer) ? event : null;
    case "pbx_webhook.created":
    case "pbx_webhook.rotated":
      return canManagePbxIntegration(viewer) ? event : null;
    case "queue.changed":
    case "queue.deleted":
    case "queue.caller_joined":
    case "queue.caller_left":
    case "queue.caller_abandoned":
    case "agent.state_changed":
    case "pause_reason.created":
    case "pause_reason.deleted":
      return canReadQueues(viewer) ? event : null;
    default:
      return assertNever(event);
  }
}

type UserEvent = Extract<DomainEvent, { type: `user.${string}` }>;
type OfficeEvent = Extract<DomainEvent, { type: "office.created" | "office.updated" }>;

function withoutSessionVersion(event: UserEvent): UserEvent {
  // The realtime nodes read the counter from the event as stored; no console needs it.
  const { sessionVersion: _sessionVersion, ...data } = event.data;
  return { ...event, data };
}

function withoutMembers(event: OfficeEvent): OfficeEvent {
  return { ...event, data: { ...event.data, memberIds: [] } };
}

// One reduced copy per event and reduction, shared by every viewer who gets it: delivery groups
// sockets by the object they receive and serializes each distinct object once.
const reductions = new WeakMap<object, WeakMap<DomainEvent, DomainEvent>>();
function reduced<E extends DomainEvent>(event: E, reduce: (event: E) => E): E {
  let copies = reductions.get(reduce);
  if (!copies) {
    copies = new WeakMap();
    reductions.set(reduce, copies);
  }
  const known = copies.get(event);
  if (known) return known as E;
  const copy = reduce(event);
  copies.set(event, copy);
  return copy;
}

function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
