import type { DomainEvent, Role } from "@switchboard/contracts";

/**
 * The one place that decides who may read, change and receive what. Pages, server actions, REST
 * handlers and the realtime server all call these functions; nothing else makes such decisions.
 */
export interface Viewer {
  id: string;
  orgId: string;
  role: Role;
}

const STAFF: ReadonlySet<Role> = new Set(["admin", "supervisor", "agent"]);

export function isStaff(viewer: Viewer): boolean {
  return STAFF.has(viewer.role);
}

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

export function canSeePresence(viewer: Viewer): boolean {
  return isStaff(viewer);
}

export function sameOrg(viewer: Viewer, orgId: string): boolean {
  return viewer.orgId === orgId;
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
    default:
      return assertNever(event);
  }
}

/**
 * A cache key for viewers who see exactly the same of any event, so an event is filtered and
 * serialized once per audience rather than once per socket. Roles fully decide visibility today;
 * ownership rules (tickets) will add the user id for the roles they concern.
 */
export function audienceKey(viewer: Viewer): string {
  return `${viewer.orgId}:${viewer.role}`;
}

export type RoomKind = "org" | "user" | "office" | "ticket" | "extension";

export type RoomDecision = { ok: true } | { ok: false; code: "forbidden" | "not_found"; reason: string };

/**
 * Whether a viewer may join a room. `subjectOrgId` is the organization owning the room's subject
 * as looked up by the caller (undefined when it does not exist).
 */
export function canJoinRoom(viewer: Viewer, kind: RoomKind, id: string, subjectOrgId: string | undefined): RoomDecision {
  const hidden: RoomDecision = { ok: false, code: "not_found", reason: `${kind}:${id} does not exist` };
  switch (kind) {
    case "org":
      return id === viewer.orgId ? { ok: true } : hidden;
    case "user":
      return id === viewer.id ? { ok: true } : { ok: false, code: "forbidden", reason: "you may only join your own user room" };
    case "extension":
      if (subjectOrgId !== viewer.orgId) return hidden;
      return canReadExtensions(viewer) ? { ok: true } : { ok: false, code: "forbidden", reason: "your role cannot see extensions" };
    case "office":
    case "ticket":
      return hidden;
    default:
      return assertNever(kind);
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
